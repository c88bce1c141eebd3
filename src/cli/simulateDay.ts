import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { SimulatedClock, simulateDay } from '../simulation/simulatedDay';
import { simulationApp } from '../simulation/simulationApp';
import { loadSimulation, SIMULATION_FILE } from '../simulation/simulationData';
import { openStores } from '../storage/openStores';

// `npm run simulate [-- --seed 7] [-- --customers 300] [-- --date 2026-11-23] [-- --data FILE]`: a day
// of simulated customers (test/data/simulation.yaml) through the real bot into the configured storage
// and event log, on a clock spread over that day (default: yesterday). Then `npm run report` on that day.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, customers: { type: 'string' }, date: { type: 'string' }, data: { type: 'string' } },
  });
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const sim = loadSimulation(config.knowledgeDir, values.data ?? SIMULATION_FILE);
  const seed = positive('--seed', values.seed) ?? 1;
  const customers = positive('--customers', values.customers);
  const date = values.date ?? DateTime.now().setZone(sim.timezone).minus({ days: 1 }).toISODate()!;
  const day = DateTime.fromISO(date, { zone: sim.timezone });
  const clock = new SimulatedClock(day);
  const stores = openStores(config.storage, logger);
  const started = performance.now();
  try {
    const result = await simulateDay(sim, simulationApp(config, logger, stores, sim, clock), { date, seed, customers });
    const channels = Object.entries(result.byChannel).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`simulated ${date} (${sim.timezone}), seed ${seed}: ${result.customers} customers (${channels}), ${result.messages} messages`);
    console.log(`into ${stores.describe} in ${Math.round(performance.now() - started)} ms`);
    console.log(`next: npm run report -- --since ${day.toISO()} --until ${day.endOf('day').toISO()}`);
  } finally {
    await stores.close();
  }
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: "${value}" is not a positive whole number`);
  return n;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
