import type { EventLog } from '../../src/analytics/eventLog';
import type { SupportEvent } from '../../src/analytics/supportEvent';

/** One fresh, empty log; each client() is another writer on the same data. */
export interface EventLogBackend {
  client(): EventLog;
  close(): Promise<void>;
}

let conversation = 0;

/** A message event at `at`; `text` tells events with the same time apart. */
export function eventAt(at: string, text = at): SupportEvent {
  return { at, conversation: `c${++conversation}`, channel: 'webchat', type: 'message', intent: 'none', confidence: 0.1, outOfScope: true, text };
}

const texts = (events: SupportEvent[]) => events.map((e) => (e.type === 'message' ? e.text : e.type));

/** Registers the EventLog contract (MemoryEventLog is the reference) for one backend. */
export function describeEventLogContract(name: string, open: () => Promise<EventLogBackend>): void {
  describe(`${name} honours the EventLog contract`, () => {
    let backend: EventLogBackend;
    let log: EventLog;

    beforeEach(async () => {
      backend = await open();
      log = backend.client();
    });
    afterEach(() => backend.close());

    test('an empty log reads as no events', async () => {
      expect(await log.read()).toEqual([]);
      expect(await log.read({ since: '2026-01-01T00:00:00.000Z', until: '2026-12-31T23:59:59.999Z' })).toEqual([]);
    });

    test('events read back whole, every field as appended', async () => {
      const events: SupportEvent[] = [
        { at: '2026-11-22T10:00:00.000Z', conversation: 'msteams/19:abc@thread.v2', channel: 'msteams', user: 'u1f3', type: 'message', intent: 'watch_sync', confidence: 0.82, outOfScope: false },
        { at: '2026-11-22T10:00:01.000Z', conversation: 'c', channel: 'sms', type: 'handoff', reason: 'asked', via: ['event', 'webhook'], delivered: false },
        eventAt('2026-11-22T10:00:02.000Z', 'Uhr zeigt „Fehler 1002“ 🙂'),
      ];
      await log.append(events);
      expect(await log.read()).toEqual(events);
    });

    test('reads come back in time order whatever the append order', async () => {
      await log.append([eventAt('2026-11-22T10:00:03.000Z', 'third')]);
      await log.append([eventAt('2026-11-22T10:00:01.000Z', 'first'), eventAt('2026-11-22T10:00:02.000Z', 'second')]);
      expect(texts(await log.read())).toEqual(['first', 'second', 'third']);
    });

    test('events with the same time keep their append order, identical ones included', async () => {
      const at = '2026-11-22T10:00:00.000Z';
      const same = eventAt(at, 'same');
      await log.append([eventAt(at, 'one'), same, same]);
      await log.append([eventAt(at, 'four')]);
      expect(texts(await log.read())).toEqual(['one', 'same', 'same', 'four']);
    });

    test('a range includes both of its bounds and nothing outside them', async () => {
      const times = ['10:00:00.000', '10:00:00.999', '10:00:01.000', '10:00:02.000', '10:00:02.001'].map((t) => `2026-11-22T${t}Z`);
      await log.append(times.map((at) => eventAt(at)));

      expect(texts(await log.read({ since: times[1], until: times[3] }))).toEqual(times.slice(1, 4));
      expect(texts(await log.read({ since: times[2] }))).toEqual(times.slice(2));
      expect(texts(await log.read({ until: times[2] }))).toEqual(times.slice(0, 3));
      expect(await log.read({ since: '2026-11-22T10:00:00.001Z', until: '2026-11-22T10:00:00.998Z' })).toEqual([]);
    });

    test('events either side of midnight UTC are read across the two days, or one day alone', async () => {
      const beforeMidnight = '2026-11-22T23:59:59.999Z';
      const midnight = '2026-11-23T00:00:00.000Z';
      await log.append([eventAt(midnight), eventAt('2026-11-21T12:00:00.000Z'), eventAt(beforeMidnight), eventAt('2026-11-24T12:00:00.000Z')]);

      expect(texts(await log.read({ since: '2026-11-22T23:00:00.000Z', until: '2026-11-23T01:00:00.000Z' }))).toEqual([beforeMidnight, midnight]);
      expect(texts(await log.read({ since: midnight, until: '2026-11-23T23:59:59.999Z' }))).toEqual([midnight]);
      expect(texts(await log.read({ until: beforeMidnight }))).toEqual(['2026-11-21T12:00:00.000Z', beforeMidnight]);
      expect(await log.read()).toHaveLength(4);
    });

    test('two writers appending at once lose nothing, and a reader sees one time-ordered log', async () => {
      const perWriter = 40;
      const batch = (writer: string, i: number) => [eventAt(`2026-11-22T10:00:${String(i).padStart(2, '0')}.000Z`, `${writer}${i}`)];
      const write = async (client: EventLog, writer: string) => {
        for (let i = 0; i < perWriter; i++) await client.append(batch(writer, i));
      };
      await Promise.all([write(backend.client(), 'a'), write(backend.client(), 'b')]);

      const read = await backend.client().read();
      expect(read).toHaveLength(2 * perWriter);
      expect(new Set(texts(read)).size).toBe(2 * perWriter);
      expect(read.map((e) => e.at)).toEqual(read.map((e) => e.at).sort());
    });

    test('a read of some types returns only those, still in time and append order', async () => {
      const at = '2026-11-22T10:00:00.000Z';
      const outcome = (time: string, fix: string): SupportEvent => ({ at: time, conversation: 'c', channel: 'sms', type: 'fix_outcome', flow: 'f', fix, outcome: 'fixed' });
      const end: SupportEvent = { at, conversation: 'c', channel: 'sms', type: 'flow_end', flow: 'f', outcome: 'resolved' };
      await log.append([outcome('2026-11-22T10:00:05.000Z', 'late'), eventAt(at, 'message')]);
      await log.append([outcome(at, 'first'), end, outcome(at, 'second'), eventAt('2026-11-22T10:00:01.000Z')]);

      const fixes = (events: SupportEvent[]) => events.map((e) => (e.type === 'fix_outcome' ? e.fix : e.type));
      expect(fixes(await log.read({ types: ['fix_outcome'] }))).toEqual(['first', 'second', 'late']);
      expect(fixes(await log.read({ types: ['fix_outcome', 'flow_end'] }))).toEqual(['first', 'flow_end', 'second', 'late']);
      expect(fixes(await log.read({ types: ['fix_outcome'], since: '2026-11-22T10:00:01.000Z' }))).toEqual(['late']);
      expect(await log.read({ types: ['handoff'] })).toEqual([]);
    });

    test('appending no events is allowed and changes nothing', async () => {
      await log.append([]);
      expect(await log.read()).toEqual([]);
    });
  });
}
