import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reportCharts } from '../analytics/reportCharts';
import { reportRange } from '../analytics/reportRange';
import { summaryLines, supportReport } from '../analytics/supportReport';
import { summarise } from '../analytics/supportSummary';
import { loadConfig } from '../config';
import { loadKnowledge } from '../knowledge/loadKnowledge';
import { createLogger } from '../logger';
import { openStores } from '../storage/openStores';

// `npm run report [-- --since 2026-11-23] [-- --until 2026-11-23T18:00] [-- --out DIR]`: what support
// leads learn from the turn events in the configured backend (the bot's own storage settings). Prints
// the key numbers and writes reports/support-report.md with SVG charts. Dates without an offset are
// read in DEFAULT_TIMEZONE (else this machine's zone); a date-only --until means the end of that day.
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { since: { type: 'string' }, until: { type: 'string' }, out: { type: 'string' } } });
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const range = reportRange(values, config.defaultTimezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const stores = openStores(config.storage, logger);
  try {
    const events = await stores.events.read(range);
    const summary = summarise(events, { range, flows: loadKnowledge(config.knowledgeDir).flows });
    const dir = values.out ?? join(config.knowledgeDir, 'reports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'support-report.md'), supportReport(summary, { generatedAt: new Date().toISOString(), source: stores.describe }));
    for (const chart of reportCharts(summary)) writeFileSync(join(dir, chart.file), chart.svg);
    console.log(`${'source'.padEnd(34)} ${stores.describe}, ${events.length} events`);
    summaryLines(summary).forEach((l) => console.log(l));
    console.log(`report: ${join(dir, 'support-report.md')}`);
  } finally {
    await stores.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
