import { reportCharts } from '../../src/analytics/reportCharts';
import { pct, summaryLines, supportReport } from '../../src/analytics/supportReport';
import type { SupportSummary } from '../../src/analytics/supportSummary';

const stats = (conversations: number, troubleshooting: number, resolved: number, contained: number) => ({
  conversations, troubleshooting, resolved, contained, escalated: 1, handedOff: conversations - contained,
  messages: 40, answers: 25, outOfScope: 3, notUnderstood: 4,
});

// A summary as summarise() would give it, small enough to check the rendering by eye.
const summary: SupportSummary = {
  range: { since: '2026-11-23T00:00:00.000Z', until: '2026-11-23T23:59:59.999Z' },
  first: '2026-11-23T08:00:00.000Z',
  last: '2026-11-23T17:00:00.000Z',
  totals: stats(8, 6, 3, 7),
  channels: [{ channel: 'webchat', stats: stats(5, 4, 2, 5) }, { channel: 'sms', stats: stats(3, 2, 1, 2) }],
  intents: [{ intent: 'troubleshoot', count: 6 }, { intent: 'out_of_scope', count: 3 }],
  funnels: [{
    flow: 'smartwatch-1002',
    started: 6,
    outcomes: { resolved: 3, exhausted: 1, outage: 0 },
    steps: [
      { kind: 'diagnostic', step: 'powers-on', reached: 6, fixedHere: 0, leftHere: 1 },
      { kind: 'fix', step: 'restart', reached: 5, fixedHere: 2, leftHere: 0 },
      { kind: 'confirm', step: 'factory-reset', reached: 1, fixedHere: 0, leftHere: 0 },
    ],
  }],
  fixes: [
    { flow: 'smartwatch-1002', fix: 'restart', tried: 4, fixed: 2, skipped: 1, already: 0, declined: 0 },
    { flow: 'smartwatch-1002', fix: 'factory-reset', tried: 0, fixed: 0, skipped: 0, already: 0, declined: 1 },
  ],
  notUnderstood: [{ text: 'order a pizza | now', count: 2 }],
  escalations: { covered: 1 },
  handoffs: { asked: 1 },
};

describe('the support report', () => {
  const md = supportReport(summary, { generatedAt: '2026-11-24T09:00:00.000Z', source: 'sqlite /tmp/x.sqlite' });

  test('the overview says the rates with what they are out of', () => {
    expect(md).toContain('| resolution rate: the person said a fix worked | 50.0% of troubleshooting (3); 37.5% of all |');
    expect(md).toContain('| containment: no person asked for | 87.5% (7) |');
    expect(md).toContain('| handoffs to a person | 1 (asked 1) |');
    expect(md).toContain('Range: 2026-11-23T00:00:00.000Z to 2026-11-23T23:59:59.999Z');
  });

  test('per channel, per step of the funnel and per fix', () => {
    expect(md).toContain('| sms | 3 | 2 | 50.0% | 66.7% | 1 | 4 |');
    expect(md).toContain('| warning before factory-reset | 1 | 0 | 0 |');
    expect(md).toContain('6 conversations started it: 3 resolved, 1 ran out of fixes, 0 ended in a provider outage, 2 did not finish.');
    expect(md).toContain('| smartwatch-1002 | factory-reset | 0 | 0 | – | 0 | 0 | 1 |');
  });

  test('a person\'s message cannot break the Markdown table', () => {
    expect(md).toContain('| order a pizza \\| now | 2 |');
  });

  test('the charts: one funnel per flow with a bar per step, and only fixes that were tried', () => {
    const charts = reportCharts(summary);
    expect(charts.map((c) => c.file)).toEqual(['support-funnel-smartwatch-1002.svg', 'support-fix-success.svg']);
    const funnel = charts[0].svg;
    for (const label of ['diagnostic powers-on', 'fix restart', 'warning before factory-reset']) expect(funnel).toContain(`>${label}</text>`);
    expect(charts[1].svg).toContain('>0.50 (2/4)</text>');
    expect(charts[1].svg).not.toContain('factory-reset');
  });

  test('the printed summary', () => {
    expect(summaryLines(summary)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^conversations +8 \(6 troubleshooting\)$/),
      expect.stringMatching(/^ {2}fix restart +50\.0% \(2\/4\)$/),
      expect.stringMatching(/^top not understood +"order a pizza \| now" ×2$/),
    ]));
  });

  test('a share of nothing is a dash, not NaN', () => {
    expect(pct(0, 0)).toBe('–');
    expect(pct(1, 3)).toBe('33.3%');
  });
});
