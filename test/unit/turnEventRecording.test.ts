import { TestAdapter, TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { TurnEvents } from '../../src/analytics/turnEvents';
import type { SupportEvent } from '../../src/analytics/supportEvent';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { ConversationHarness } from '../helpers/conversationRunner';
import { FIXED_NOW } from '../helpers/testCore';

/** One event as a short line; a message shows its text only when it was recorded (not understood). */
function line(e: SupportEvent): string {
  switch (e.type) {
    case 'message':
      if (e.text !== undefined) return `message not understood: "${e.text}"`;
      return e.answered ? 'answer' : 'message';
    case 'flow_step':
      return `step ${e.kind} ${e.step}`;
    case 'fix_outcome':
      return `${e.fix} ${e.outcome}`;
    case 'flow_end':
      return `end ${e.outcome}`;
    case 'escalation':
      return `escalation, warranty ${e.warranty}`;
    default:
      return e.type;
  }
}

/** Plays the turns, checking what each one recorded. */
async function play(channel: string, turns: [user: string, recorded: string[]][]): Promise<SupportEvent[]> {
  const log = new MemoryEventLog();
  const bot = new ConversationHarness(channel, { events: new TurnEvents(log, () => FIXED_NOW) });
  let seen = 0;
  for (const [user, recorded] of turns) {
    await bot.send(user);
    const all = await log.read();
    expect({ user, recorded: all.slice(seen).map(line) }).toEqual({ user, recorded });
    seen = all.length;
  }
  return log.read();
}

describe('what each turn records', () => {
  test('a flow with a side question, help and an off-topic message: one message event every turn', async () => {
    const events = await play('webchat', [
      ['my watch shows error 1002', ['message', 'step diagnostic powers-on']],
      ['yes', ['answer', 'step diagnostic connected']],
      ['my email is jo@example.com, order me a pizza', ['message not understood: "my email is [email], order me a pizza"']],
      ['help', ['message']],
      ['yes', ['answer', 'step fix restart']],
      ['still broken', ['answer', 'restart not_fixed', 'step fix battery']],
      ['fixed it', ['answer', 'battery fixed', 'end resolved']],
    ]);
    const messages = events.filter((e) => e.type === 'message');
    expect(messages.map((m) => (m.type === 'message' ? [m.intent, m.outOfScope] : []))).toEqual([
      ['troubleshoot', false], ['affirm', false], ['out_of_scope', true], ['help', false], ['affirm', false],
      [expect.any(String), false], [expect.any(String), false],
    ]);
    expect(events.every((e) => e.conversation === 'conv-webchat' && e.channel === 'webchat' && e.at === FIXED_NOW.toUTC().toISO())).toBe(true);
  });

  test('every fix fails and the reset is held off: outcomes, the end and the escalation with its warranty status', async () => {
    await play('sms', [
      ['Apple Watch error 1002 again', ['message', 'step diagnostic powers-on']],
      ['1', ['answer', 'step diagnostic connected']],
      ['yes', ['answer', 'step fix restart']],
      ['i already did that', ['answer', 'restart already', 'step fix battery']],
      ['skip', ['answer', 'battery skipped', 'step fix bluetooth']],
      ['still broken', ['answer', 'bluetooth not_fixed', 'step fix update']],
      ['still broken', ['answer', 'update not_fixed', 'step fix account-sync']],
      ['still broken', ['answer', 'account-sync not_fixed', 'step confirm factory-reset']],
      ['not now', ['answer', 'factory-reset declined', 'end exhausted']],
      ['2023-01-10', ['answer', 'escalation, warranty expired']],
    ]);
  });
});

describe('fixes the first message says were done', () => {
  test('are recorded as already tried, once, and not offered', async () => {
    await play('webchat', [
      ['error 1002 on my fitbit, i restarted it and re-paired it already', ['message', 'restart already', 'bluetooth already', 'step diagnostic powers-on']],
      ['yes', ['answer', 'step diagnostic connected']],
      ['yes', ['answer', 'step fix battery']],
    ]);
  });
});

describe('when an event happened', () => {
  test('is the UTC ISO time of the clock, in whatever zone the clock reads', () => {
    const times = ['2026-03-29T02:30:00.123+02:00', '2026-12-31T23:59:59.999-10:00', '1999-01-01T00:00:00.000Z'];
    for (const iso of times) {
      const now = DateTime.fromISO(iso, { setZone: true });
      const events = new TurnEvents(new MemoryEventLog(), () => now);
      const ctx = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', conversation: { id: 'c1' } as never, from: { id: 'u1' } as never });
      events.record(ctx, { type: 'forget_me' });
      expect(events.recorded(ctx)[0].at).toBe(now.toUTC().toISO());
    }
  });
});
