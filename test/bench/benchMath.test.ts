import { FLOOR_STEPS, floorResults, floorsMarkdown } from '../../src/bench/floorSteps';
import { median, percentile, summarise } from '../../src/bench/latencySummary';
import { growthKbPerMinute, slope } from '../../src/bench/memoryTrend';
import { benchTables, medianRatio, saturationRatio, verdicts, type BenchRun, type BotResults } from '../../src/bench/benchReport';
import type { LoadSummary } from '../../src/bench/latencySummary';

describe('turn latency percentiles', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  test('nearest rank: p50 of 1..100 is 50, p95 is 95, p99 is 99', () => {
    expect([0.5, 0.95, 0.99, 1].map((q) => percentile(oneToHundred, q))).toEqual([50, 95, 99, 100]);
  });

  test('a summary sorts the latencies itself and counts turns per second; the POST\'s answer has its own p99', () => {
    const answered = oneToHundred.map((n) => n + 1000);
    const s = summarise([...oneToHundred].reverse(), { seconds: 4, errors: 1, errorKinds: { 'HTTP 500': 1 }, lost: 2, repliesAfterAnswer: 0, replies: 150, botCpu: 0.5, loadGeneratorCpu: 0.1 }, answered.reverse());
    expect(s).toMatchObject({ turns: 100, turnsPerSecond: 25, p50: 50, p99: 99, max: 100, answeredP99: 1099, errors: 1, lost: 2, replies: 150 });
  });

  test('no turns gives zeros, not NaN', () => {
    expect(summarise([], { seconds: 0, errors: 0, errorKinds: {}, lost: 0, repliesAfterAnswer: 0, replies: 0, botCpu: 0, loadGeneratorCpu: 0 }, [])).toMatchObject({ turnsPerSecond: 0, p99: 0, max: 0, answeredP99: 0 });
  });
});

describe('memory growth over a soak run', () => {
  test('the least-squares slope of a straight line is its gradient', () => {
    expect(slope([[0, 2], [1, 5], [2, 8], [3, 11]])).toBeCloseTo(3);
  });

  test('a flat series grows by nothing; a single point has no slope', () => {
    expect(slope([[0, 7], [1, 7], [2, 7]])).toBe(0);
    expect(slope([[1, 7]])).toBe(0);
  });

  test('growth in KB per minute can leave out the warm-up', () => {
    const mb = 1024 * 1024;
    // Heap climbs 10 MB in the first minute (warm-up), then stays flat; RSS grows 1 MB a minute throughout.
    const samples = [0, 1, 2, 3, 4].map((minute) => ({ minute, heapUsed: (minute === 0 ? 40 : 50) * mb, rss: (100 + minute) * mb }));
    expect(growthKbPerMinute(samples, 1)).toEqual({ heap: 0, rss: 1024 });
    expect(growthKbPerMinute(samples).heap).toBeGreaterThan(0);
  });
});

describe('targets', () => {
  const load = (turnsPerSecond: number, p99 = 10, errors = 0, lost = 0): LoadSummary => ({
    turns: turnsPerSecond * 10, seconds: 10, turnsPerSecond, p50: 1, p95: 5, p99, max: p99, answeredP99: p99 + 5, errors, errorKinds: {}, lost, repliesAfterAnswer: 0, replies: 0, botCpu: 1, loadGeneratorCpu: 0.2,
  });
  const bot = (saturation: number, realistic: LoadSummary, heapPerConversation = 1024): BotResults => ({
    saturation: load(saturation),
    realistic,
    memory: { conversations: 10, before: { heapUsed: 0, rss: 0, external: 0 }, after: { heapUsed: 0, rss: 0, external: 0 }, heapPerConversation, rssPerConversation: 0 },
  });
  const run = (assistant: BotResults): BenchRun => ({
    setup: { generatedAt: '', machine: '', load: [0, 0], pinned: true, logLevel: 'info', storage: 'sqlite', saturation: '', realistic: '' },
    bots: { echo: bot(1000, load(200)), assistant },
  });
  const met = (r: BenchRun) => verdicts(r).map((v) => v.met);

  test('everything within its target passes', () => {
    expect(met(run(bot(710, load(200, 49))))).toEqual([true, true, true, true]);
  });

  test('each target misses on its own', () => {
    expect(met(run(bot(690, load(200, 49))))).toEqual([false, true, true, true]);
    expect(met(run(bot(710, load(200, 50))))).toEqual([true, false, true, true]);
    expect(met(run(bot(710, load(200, 10, 0, 1))))).toEqual([true, true, false, true]);
    expect(met(run(bot(710, load(200, 10, 1, 0))))).toEqual([true, true, false, true]);
    expect(met(run(bot(710, load(200), 10 * 1024)))).toEqual([true, true, true, false]);
  });

  test('the dialog floor, when measured, gets its own rows and ratio; the targets stay the assistant\'s', () => {
    const withFloor: BenchRun = { ...run(bot(300, load(200, 49))), bots: { ...run(bot(300, load(200, 49))).bots, floor: bot(450, load(200)) } };
    expect(saturationRatio(withFloor.bots)).toBeCloseTo(0.3);
    expect(saturationRatio(withFloor.bots, 'floor')).toBeCloseTo(0.45);
    const tables = benchTables(withFloor);
    expect(tables).toContain('| saturation | floor | 450 |');
    expect(tables).toContain('dialog floor / echo: 45%');
    expect(met(withFloor)[0]).toBe(false);
    expect(benchTables(run(bot(300, load(200))))).not.toContain('floor');
  });

  test('with rounds, the ratio target is judged on the median of the rounds\' ratios, not on the first alone', () => {
    const first = run(bot(800, load(200)));
    const rounds = [{ echo: 1000, assistant: 800 }, { echo: 1500, assistant: 600 }, { echo: 1000, assistant: 650 }];
    expect(medianRatio({ ...first, rounds })).toBeCloseTo(0.65);
    expect(met({ ...first, rounds })[0]).toBe(false);
    expect(met(first)[0]).toBe(true);
    // An even number of rounds takes the mean of the middle two; the floor has its own median.
    const withFloor = [{ echo: 1000, floor: 500, assistant: 700 }, { echo: 1000, floor: 400, assistant: 760 }];
    expect(medianRatio({ ...first, rounds: withFloor })).toBeCloseTo(0.73);
    expect(medianRatio({ ...first, rounds: withFloor }, 'floor')).toBeCloseTo(0.45);
    const tables = benchTables({ ...first, rounds: withFloor });
    expect(tables).toContain('| round | echo | floor | assistant | floor / echo | assistant / echo |');
    expect(tables).toContain('| median |  |  |  | **45%** | **73%** |');
  });
});

describe('the floors, step by step (`npm run bench -- --floors`)', () => {
  const steps = FLOOR_STEPS.filter((s) => ['echo', 'state', 'assistant'].includes(s.name));
  const sample = (turnsPerSecond: number, cpuMsPerTurn: number) => ({ turnsPerSecond, cpuMsPerTurn });
  // Round 2 is a slow spell of the host: every bot is slower, and the shares barely move.
  const rounds = [
    { echo: sample(1000, 0.8), state: sample(900, 0.9), assistant: sample(400, 2.0) },
    { echo: sample(500, 1.6), state: sample(400, 2.0), assistant: sample(250, 3.0) },
    { echo: sample(1200, 0.7), state: sample(960, 0.85), assistant: sample(420, 1.9) },
  ];

  test('a median is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('each step gets the median turns/s, share of the echo bot in the same round, CPU per turn and what it added', () => {
    const [echo, state, assistant] = floorResults(rounds, steps);
    expect(echo).toMatchObject({ turnsPerSecond: 1000, shareOfEcho: 1, cpuMsPerTurn: 0.8, addedCpuMs: undefined });
    // Shares 0.9, 0.8, 0.8 in the rounds: the median share, not the share of the medians (960 / 1000).
    expect(state.shareOfEcho).toBeCloseTo(0.8);
    expect(state.turnsPerSecond).toBe(900);
    expect(state.addedCpuMs).toBeCloseTo(0.1);
    expect(assistant.shareOfEcho).toBeCloseTo(0.4);
    expect(assistant.addedCpuMs).toBeCloseTo(1.1);
  });

  test('the report names every step measured and the CPU a turn may take at the target share', () => {
    const report = floorsMarkdown(rounds, 'test host', '64 customers');
    for (const step of steps) expect(report).toContain(`| ${step.name} |`);
    // Steps not measured are left out rather than shown as NaN.
    expect(report).not.toContain('| state+reply |');
    expect(report).not.toContain('NaN');
    // 0.8 ms for the echo bot ÷ 0.7.
    expect(report).toContain('about 1.14 ms of bot CPU');
    expect(report).toContain('3 rounds');
  });
});
