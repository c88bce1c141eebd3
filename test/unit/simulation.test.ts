import { MemoryStorage } from 'botbuilder';
import { DateTime } from 'luxon';
import nock from 'nock';
import pino from 'pino';
import type { SupportEvent } from '../../src/analytics/supportEvent';
import { summarise } from '../../src/analytics/supportSummary';
import { loadConfig } from '../../src/config';
import { EVAL_FILES, loadIntentSet, loadSearchSet } from '../../src/eval/evalData';
import { words } from '../../src/nlu/normalise';
import type { ChoicesReply, Reply } from '../../src/replies/reply';
import { Customer, type CustomerWorld } from '../../src/simulation/customer';
import { Random } from '../../src/simulation/random';
import { SimulatedClock, simulateDay } from '../../src/simulation/simulatedDay';
import { simulationApp } from '../../src/simulation/simulationApp';
import { loadSimulation, type Simulation } from '../../src/simulation/simulationData';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { realKnowledge, ROOT } from '../helpers/testCore';

const sim = loadSimulation(ROOT);
const DATE = '2026-11-23';

describe('the simulation data', () => {
  test('uses none of the evaluation sets\' or training phrases', () => {
    const key = (t: string) => words(t).join(' ');
    const taken = new Set([
      ...[EVAL_FILES.intentsDev, EVAL_FILES.intentsHeldout].flatMap((f) => loadIntentSet(ROOT, f).map((e) => key(e.text))),
      ...[EVAL_FILES.searchDev, EVAL_FILES.searchHeldout].flatMap((f) => loadSearchSet(ROOT, f).map((q) => key(q.text))),
      ...realKnowledge().intents.flatMap((i) => i.examples.map(key)),
    ]);
    const ours = [
      ...sim.personas.flatMap((p) => [...p.openings, ...p.vague, ...p.device]),
      ...sim.offTopic, ...sim.askPerson, ...sim.greetings, ...sim.thanks, ...sim.purchase,
    ];
    expect(ours.filter((t) => taken.has(key(t)))).toEqual([]);
  });

  test('names only flows, fixes and diagnostics the dialogs have', () => {
    const flows = realKnowledge().flows;
    for (const [flowId, fixes] of Object.entries(sim.fixes)) {
      const flow = flows.find((f) => f.id === flowId);
      expect(flow?.id).toBe(flowId);
      expect(Object.keys(fixes).filter((id) => !flow!.fixes.some((f) => f.id === id))).toEqual([]);
    }
    const diagnostics = new Set(flows.flatMap((f) => f.diagnostics.map((d) => d.id)));
    expect(Object.keys(sim.diagnostics).filter((d) => !diagnostics.has(d))).toEqual([]);
  });
});

describe('a simulated customer', () => {
  const world: CustomerWorld = { diagnosticOf: () => undefined, flowFor: () => 'smartwatch-1002', outageNow: () => false };
  const fixQuestion: ChoicesReply = {
    kind: 'choices', id: 'flow.did_it_work', text: 'Did that fix it?',
    choices: [['fixed', 'Fixed it'], ['not_fixed', 'Still broken'], ['skip', 'Skip'], ['already', 'Already tried']].map(([value, label]) => ({ value, label })),
  };
  const shown = (fix: string): Reply[] => [{ kind: 'steps', id: `fix:${fix}`, title: fix, steps: ['do it'] }, fixQuestion];
  const never = Object.fromEntries(Object.keys(sim.chances).map((k) => [k, 0])) as Simulation['chances'];
  /** The data with these chances and every other one 0, so the customer's choice is certain. */
  const certain = (chances: Partial<Simulation['chances']>, fixes: Record<string, number> = {}): Simulation =>
    ({ ...sim, chances: { ...never, ...chances }, fixes: { 'smartwatch-1002': fixes } });

  test('taps "Fixed it" when the fix shown always works, and "Still broken" when it never does', () => {
    const works = new Customer(certain({}, { restart: 1 }), new Random(1), 'webchat', sim.personas[0], world);
    expect(works.reply(shown('restart'))).toBe('Fixed it');
    const fails = new Customer(certain({}, { restart: 0 }), new Random(1), 'webchat', sim.personas[0], world);
    expect(fails.reply(shown('restart'))).toBe('Still broken');
  });

  test('on SMS answers with the option\'s number; typing, uses their own words for it', () => {
    const sms = new Customer(certain({ smsNumber: 1 }, { restart: 1 }), new Random(1), 'sms', sim.personas[0], world);
    expect(sms.reply(shown('restart'))).toBe('1');
    const typer = new Customer(certain({ typed: 1 }, { restart: 0 }), new Random(1), 'webchat', sim.personas[0], world);
    expect(sim.answers.not_fixed).toContain(typer.reply(shown('restart')));
  });

  test('when the bot did not understand, taps the button instead of typing again', () => {
    const typer = new Customer(certain({ typed: 1, abandon: 1 }, { restart: 0 }), new Random(1), 'webchat', sim.personas[0], world);
    const retry: Reply = { kind: 'text', id: 'prompt.retry', text: 'Sorry?' };
    expect(typer.reply([retry, ...shown('restart')])).toBe('Still broken');
  });

  test('leaves when the conversation is over, after thanks if they thank', () => {
    const polite = new Customer(certain({ thanks: 1 }), new Random(1), 'webchat', sim.personas[0], world);
    const over: Reply[] = [{ kind: 'text', id: 'flow.resolved', text: 'Great!' }];
    expect(sim.thanks).toContain(polite.reply(over));
    expect(polite.reply([{ kind: 'text', id: 'thanks', text: 'You are welcome' }])).toBeUndefined();
  });
});

describe('a simulated day through the real app', () => {
  const STATUS = 'https://status.example.test';
  const HELPDESK = 'https://helpdesk.example.test';
  const attempts: string[] = [];
  const record = (req: { hostname?: string; path?: string }) => attempts.push(`${req.hostname}${req.path}`);
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', record);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', record);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function run(seed: number, customers: number): Promise<SupportEvent[]> {
    // Settings that would reach out (a status URL, a helpdesk webhook): the simulation must not use them.
    const config = loadConfig({ STORAGE: 'memory', CLOUD_STATUS_URL: `${STATUS}/api/v2/status.json`, HELPDESK_WEBHOOK_URL: `${HELPDESK}/tickets` });
    const events = new MemoryEventLog();
    const stores = { storage: new MemoryStorage(), events, describe: 'memory', close: async () => undefined };
    const clock = new SimulatedClock(DateTime.fromISO(DATE, { zone: sim.timezone }));
    const deps = simulationApp(config, pino({ level: 'silent' }), stores, sim, clock);
    const result = await simulateDay(sim, deps, { date: DATE, seed, customers });
    expect(result.customers).toBe(customers);
    return events.read();
  }

  test('records every customer\'s conversation within the day, and calls nothing outside', async () => {
    const status = nock(STATUS).get(/.*/).reply(200, { status: { indicator: 'none' } });
    const events = await run(5, 12);
    const s = summarise(events);
    expect(s.totals.conversations).toBe(12);
    expect(s.totals.messages).toBeGreaterThanOrEqual(12);
    expect(events.every((e) => e.at.startsWith(DATE))).toBe(true);
    expect(status.isDone()).toBe(false);
    expect(attempts).toEqual([]);
  });

  test('the same seed gives the same day', async () => {
    const strip = (list: SupportEvent[]) => list.map(({ user: _u, ...e }) => e);
    expect(strip(await run(9, 6))).toEqual(strip(await run(9, 6)));
  });
});
