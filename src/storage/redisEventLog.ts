import type { Redis } from 'ioredis';
import type { EventLog, EventRange } from '../analytics/eventLog';
import type { SupportEvent } from '../analytics/supportEvent';
import { ofTypes } from './eventRange';
import { utcDay } from './utcDay';

/**
 * KEYS: sequence counter, day index, then one day set per event. ARGV per event: time (ms), day,
 * day (ms), JSON. Each member starts with a 16-digit number from the shared counter: it keeps identical
 * events apart and, for events with the same time, the sorted set's tie-break follows append order.
 */
const APPEND = `
for i = 3, #KEYS do
  local a = 4 * (i - 3)
  local seq = redis.call('INCR', KEYS[1])
  redis.call('ZADD', KEYS[i], ARGV[a + 1], string.format('%016d', seq) .. ARGV[a + 4])
  redis.call('ZADD', KEYS[2], ARGV[a + 3], ARGV[a + 2])
end
return 0`;

const COMMAND = 'supportEventsAppend';
const SEQ_DIGITS = 16;
type Append = (numKeys: number, ...args: Array<string | number>) => Promise<number>;

/**
 * Turn events in Redis: a sorted set per UTC day scored by time, and an index of the days, so a
 * read touches only the days in its range.
 */
export class RedisEventLog implements EventLog {
  private readonly appendScript: Append;

  constructor(private readonly redis: Redis, private readonly keyPrefix: string) {
    redis.defineCommand(COMMAND, { lua: APPEND });
    this.appendScript = (redis as unknown as Record<string, Append>)[COMMAND].bind(redis);
  }

  async append(events: SupportEvent[]): Promise<void> {
    if (events.length === 0) return;
    const days = events.map((e) => utcDay(e.at));
    const args = events.flatMap((e, i) => [Date.parse(e.at), days[i], Date.parse(days[i]), JSON.stringify(e)]);
    await this.appendScript(events.length + 2, this.key('seq'), this.key('days'), ...days.map((d) => this.dayKey(d)), ...args);
  }

  async read(range: EventRange = {}): Promise<SupportEvent[]> {
    const min = range.since ? Date.parse(range.since) : '-inf';
    const max = range.until ? Date.parse(range.until) : '+inf';
    const days = await this.redis.zrangebyscore(
      this.key('days'),
      range.since ? Date.parse(utcDay(range.since)) : '-inf',
      range.until ? Date.parse(utcDay(range.until)) : '+inf',
    );
    if (days.length === 0) return [];
    const replies = (await this.redis.pipeline(days.map((d) => ['zrangebyscore', this.dayKey(d), min, max])).exec()) ?? [];
    return replies.flatMap(([err, members]) => {
      if (err) throw err;
      return (members as string[]).map((m) => JSON.parse(m.slice(SEQ_DIGITS)) as SupportEvent).filter((e) => ofTypes(e, range));
    });
  }

  private dayKey(day: string): string {
    return this.key(`day:${day}`);
  }

  private key(name: string): string {
    return `${this.keyPrefix}events:${name}`;
  }
}
