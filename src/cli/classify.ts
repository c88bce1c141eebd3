import { createInterface } from 'node:readline';
import { loadConfig } from '../config';
import { coreFromConfig } from '../core/coreFromConfig';
import { classifyLine } from './classifyLine';

// `npm run --silent classify`: one message per line on stdin, one JSON object per line on stdout.
async function main(): Promise<void> {
  const config = loadConfig();
  const core = coreFromConfig(config);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    process.stdout.write(`${JSON.stringify(classifyLine(core, line))}\n`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
