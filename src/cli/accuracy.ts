import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../config';
import { coreFromConfig } from '../core/coreFromConfig';
import { classifyLine } from './classifyLine';

interface Example {
  text: string;
  intent: string;
  product?: string;
  brand?: string;
  errorCode?: string;
}

// `npm run accuracy [file]`: intent and entity accuracy of `classify` on the held-out phrases
// (test/data/heldout.yaml, written separately from the training phrases).
function main(): void {
  const config = loadConfig();
  const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(config.knowledgeDir, 'test', 'data', 'heldout.yaml');
  const examples = (parse(readFileSync(file, 'utf8')) as { examples: Example[] }).examples;
  const core = coreFromConfig(config);
  const perIntent = new Map<string, { n: number; ok: number }>();
  let intentOk = 0;
  let productOk = 0;
  let brandOk = 0;
  let codeOk = 0;
  const misses: string[] = [];
  for (const ex of examples) {
    const r = classifyLine(core, ex.text);
    const row = perIntent.get(ex.intent) ?? { n: 0, ok: 0 };
    row.n++;
    if (r.intent === ex.intent) {
      row.ok++;
      intentOk++;
    } else misses.push(`  ${ex.intent} → ${r.intent} (${r.confidence}): ${ex.text}`);
    perIntent.set(ex.intent, row);
    if ((r.entities.product ?? undefined) === ex.product) productOk++;
    if ((r.entities.brand ?? undefined) === ex.brand) brandOk++;
    if ((r.entities.errorCode ?? undefined) === ex.errorCode) codeOk++;
  }
  const pct = (k: number) => `${((100 * k) / examples.length).toFixed(1)}%`;
  console.log(`held-out examples: ${examples.length} (classifier: ${config.classifier})`);
  console.log(`intent accuracy:   ${pct(intentOk)}`);
  console.log(`product accuracy:  ${pct(productOk)}`);
  console.log(`brand accuracy:    ${pct(brandOk)}`);
  console.log(`errorCode accuracy: ${pct(codeOk)}`);
  for (const [intent, { n, ok }] of [...perIntent].sort()) console.log(`  ${intent.padEnd(16)} ${ok}/${n}`);
  if (process.argv.includes('--misses')) console.log(`misses:\n${misses.join('\n')}`);
}

main();
