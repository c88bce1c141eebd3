import { conversationStats } from '../../src/analytics/conversationStats';
import { fixTallies } from '../../src/analytics/fixTallies';
import { flowFunnels, funnelOrder } from '../../src/analytics/flowFunnel';
import { normaliseMessage, topNotUnderstood } from '../../src/analytics/notUnderstood';
import type { EventBody, SupportEvent } from '../../src/analytics/supportEvent';
import { summarise } from '../../src/analytics/supportSummary';
import { realKnowledge } from '../helpers/testCore';

const SW = 'smartwatch-1002';

// Four hand-made conversations, one event a second from 09:00 UTC. The expected numbers below are
// counted by hand from these lines.
const said = (intent: string, confidence: number, text?: string): EventBody =>
  ({ type: 'message', intent, confidence, outOfScope: intent === 'out_of_scope', ...(text ? { text } : {}) });
const answered = (intent: string, confidence: number): EventBody => ({ type: 'message', intent, confidence, outOfScope: false, answered: true });
const step = (kind: 'diagnostic' | 'fix' | 'confirm', id: string): EventBody => ({ type: 'flow_step', flow: SW, kind, step: id });
const outcome = (fix: string, o: 'fixed' | 'not_fixed' | 'skipped' | 'already' | 'declined'): EventBody => ({ type: 'fix_outcome', flow: SW, fix, outcome: o });
const end = (o: 'resolved' | 'exhausted' | 'outage'): EventBody => ({ type: 'flow_end', flow: SW, outcome: o });

const script: [conversation: string, channel: string, body: EventBody][] = [
  // c1, web chat: the battery fix works.
  ['c1', 'webchat', said('troubleshoot', 0.91)],
  ['c1', 'webchat', step('diagnostic', 'powers-on')],
  ['c1', 'webchat', answered('affirm', 0.88)],
  ['c1', 'webchat', step('fix', 'restart')],
  ['c1', 'webchat', outcome('restart', 'not_fixed')],
  ['c1', 'webchat', step('fix', 'battery')],
  ['c1', 'webchat', outcome('battery', 'fixed')],
  ['c1', 'webchat', end('resolved')],
  // c2, SMS: nothing works, the factory reset is declined, warranty and contacts follow.
  ['c2', 'sms', said('troubleshoot', 0.8)],
  ['c2', 'sms', step('diagnostic', 'powers-on')],
  ['c2', 'sms', step('fix', 'restart')],
  ['c2', 'sms', outcome('restart', 'not_fixed')],
  ['c2', 'sms', step('fix', 'battery')],
  ['c2', 'sms', outcome('battery', 'not_fixed')],
  ['c2', 'sms', step('confirm', 'factory-reset')],
  ['c2', 'sms', outcome('factory-reset', 'declined')],
  ['c2', 'sms', end('exhausted')],
  ['c2', 'sms', { type: 'escalation', flow: SW, warranty: 'covered' }],
  // c3, SMS: off topic twice, then asks for a person.
  ['c3', 'sms', said('out_of_scope', 0.9, "What's the weather?")],
  ['c3', 'sms', said('out_of_scope', 0.85, "  what's the WEATHER ")],
  ['c3', 'sms', { type: 'handoff', reason: 'asked', via: [], delivered: false }],
  // c4, web chat: skips the restart, is shown the battery fix and never answers.
  ['c4', 'webchat', said('troubleshoot', 0.95)],
  ['c4', 'webchat', step('diagnostic', 'powers-on')],
  ['c4', 'webchat', step('fix', 'restart')],
  ['c4', 'webchat', outcome('restart', 'skipped')],
  ['c4', 'webchat', step('fix', 'battery')],
];

const events: SupportEvent[] = script.map(([conversation, channel, body], i) => ({
  at: new Date(Date.UTC(2026, 10, 23, 9, 0, i)).toISOString(),
  conversation,
  channel,
  ...body,
}));

describe('head counts', () => {
  test('conversations, resolution, containment, escalations and messages', () => {
    expect(conversationStats(events)).toEqual({
      conversations: 4,
      troubleshooting: 3, // c1, c2, c4
      resolved: 1, // c1
      contained: 3, // all but c3
      escalated: 1, // c2
      handedOff: 1, // c3
      messages: 6,
      answers: 1, // c1's "yes"
      outOfScope: 2,
      notUnderstood: 2,
    });
  });

  test('split by channel, busiest first (ties alphabetically)', () => {
    const s = summarise(events);
    expect(s.channels.map((c) => [c.channel, c.stats.conversations, c.stats.resolved, c.stats.contained, c.stats.escalated])).toEqual([
      ['sms', 2, 0, 1, 1],
      ['webchat', 2, 1, 2, 0],
    ]);
  });

  test('an empty log gives zeros and empty lists', () => {
    expect(conversationStats([])).toMatchObject({ conversations: 0, resolved: 0, contained: 0 });
    expect(summarise([])).toMatchObject({ first: undefined, funnels: [], fixes: [], notUnderstood: [] });
  });
});

describe('the funnel per flow', () => {
  test('reached, fixed there and left there, per step in the flow file\'s order', () => {
    const flow = realKnowledge().flows.find((f) => f.id === SW)!;
    const [funnel] = flowFunnels(events, { [SW]: funnelOrder(flow) });
    expect(funnel).toMatchObject({ flow: SW, started: 3, outcomes: { resolved: 1, exhausted: 1, outage: 0 } });
    expect(funnel.steps.map((s) => `${s.kind} ${s.step}: ${s.reached} reached, ${s.fixedHere} fixed, ${s.leftHere} left`)).toEqual([
      'diagnostic powers-on: 3 reached, 0 fixed, 0 left',
      'fix restart: 3 reached, 0 fixed, 0 left',
      'fix battery: 3 reached, 1 fixed, 1 left',
      'confirm factory-reset: 1 reached, 0 fixed, 0 left',
    ]);
  });

  test('the file order lists the status page, diagnostics, then each fix (its warning first)', () => {
    const nas = realKnowledge().flows.find((f) => f.id === 'nas-1002')!;
    expect(funnelOrder(nas).slice(0, 2)).toEqual(['status_page:status_page', 'diagnostic:other-devices-online']);
    const sw = realKnowledge().flows.find((f) => f.id === SW)!;
    expect(funnelOrder(sw).slice(-2)).toEqual(['confirm:factory-reset', 'fix:factory-reset']);
  });

  test('without an order, steps come most reached first', () => {
    const [funnel] = flowFunnels(events);
    expect(funnel.steps[funnel.steps.length - 1]).toMatchObject({ kind: 'confirm', step: 'factory-reset' });
  });
});

describe('fix success', () => {
  test('tried counts "fixed" and "still broken"; skipped, already and declined are no try', () => {
    expect(Object.fromEntries(fixTallies(events).get(SW)!)).toEqual({
      restart: { tried: 2, fixed: 0, skipped: 1, already: 0, declined: 0 },
      battery: { tried: 2, fixed: 1, skipped: 0, already: 0, declined: 0 },
      'factory-reset': { tried: 0, fixed: 0, skipped: 0, already: 0, declined: 1 },
    });
  });

  test('the summary lists fixes in the flow file\'s order', () => {
    const s = summarise(events, { flows: realKnowledge().flows });
    expect(s.fixes.map((f) => `${f.fix} ${f.fixed}/${f.tried}`)).toEqual(['restart 0/2', 'battery 1/2', 'factory-reset 0/0']);
  });
});

describe('messages the bot did not understand', () => {
  test('are normalised and counted', () => {
    expect(topNotUnderstood(events)).toEqual([{ text: "what's the weather", count: 2 }]);
  });

  test('normalising keeps inner punctuation and drops what surrounds the message', () => {
    expect(normaliseMessage('  ¿Pizza  DELIVERY?! ')).toBe('pizza delivery');
    expect(normaliseMessage('e-mail me')).toBe('e-mail me');
  });

  test('most frequent first, ties alphabetically, up to the limit', () => {
    const msg = (text: string): SupportEvent => ({ at: '2026-11-23T10:00:00.000Z', conversation: 'x', channel: 'sms', ...said('out_of_scope', 0.9, text) });
    const list = ['b', 'a', 'c', 'c', 'b', 'c'].map(msg);
    expect(topNotUnderstood(list, 2)).toEqual([{ text: 'c', count: 3 }, { text: 'b', count: 2 }]);
  });
});

describe('the whole summary', () => {
  test('intents (answers to questions left out), escalations by warranty status, handoffs by reason, first and last event', () => {
    const s = summarise(events);
    expect(s.intents).toEqual([{ intent: 'troubleshoot', count: 3 }, { intent: 'out_of_scope', count: 2 }]);
    expect(s.escalations).toEqual({ covered: 1 });
    expect(s.handoffs).toEqual({ asked: 1 });
    expect([s.first, s.last]).toEqual(['2026-11-23T09:00:00.000Z', `2026-11-23T09:00:${String(events.length - 1).padStart(2, '0')}.000Z`]);
  });
});
