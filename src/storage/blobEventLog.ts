import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { EventLog, EventRange } from '../analytics/eventLog';
import type { SupportEvent } from '../analytics/supportEvent';
import { byTime, inRange } from './eventRange';
import { utcDay } from './utcDay';

// BlobsStorage URI-encodes state keys ("/" becomes %2F), so no state blob name starts with this.
const PREFIX = 'events/';
const PARALLEL_DOWNLOADS = 8;

/**
 * Turn events in the state container: one small JSON-lines block blob per append and UTC day,
 * named `events/<day>/<ms>-<n>-<uuid>.jsonl`. Each writer creates its own blobs, so processes never
 * contend; a read lists only the days in its range.
 */
export class BlobEventLog implements EventLog {
  private ready?: Promise<unknown>;
  /** Orders this writer's appends within one millisecond (names sort as append order). */
  private appends = 0;

  constructor(private readonly container: ContainerClient) {}

  async append(events: SupportEvent[]): Promise<void> {
    if (events.length === 0) return;
    const stamp = `${String(Date.now()).padStart(13, '0')}-${String(++this.appends).padStart(10, '0')}`;
    await this.ensureContainer();
    await Promise.all(
      [...groupByDay(events)].map(([day, dayEvents]) => {
        const body = Buffer.from(dayEvents.map((e) => JSON.stringify(e)).join('\n'));
        return this.container
          .getBlockBlobClient(`${PREFIX}${day}/${stamp}-${randomUUID()}.jsonl`)
          .upload(body, body.length, { blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
      }),
    );
  }

  async read(range: EventRange = {}): Promise<SupportEvent[]> {
    await this.ensureContainer();
    const days = (await this.days()).filter(
      (d) => (!range.since || d >= utcDay(range.since)) && (!range.until || d <= utcDay(range.until)),
    );
    const events: SupportEvent[] = [];
    for (const day of days) events.push(...(await this.readDay(day)));
    return events.filter((e) => inRange(e, range)).sort(byTime);
  }

  private async days(): Promise<string[]> {
    const days: string[] = [];
    for await (const item of this.container.listBlobsByHierarchy('/', { prefix: PREFIX })) {
      if (item.kind === 'prefix') days.push(item.name.slice(PREFIX.length, -1));
    }
    return days.sort();
  }

  /** The day's events in blob-name order (append time), lines in order within each blob. */
  private async readDay(day: string): Promise<SupportEvent[]> {
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: `${PREFIX}${day}/` })) names.push(blob.name);
    names.sort();
    const texts: string[] = [];
    for (let i = 0; i < names.length; i += PARALLEL_DOWNLOADS) {
      const batch = names.slice(i, i + PARALLEL_DOWNLOADS);
      texts.push(...(await Promise.all(batch.map(async (n) => (await this.container.getBlobClient(n).downloadToBuffer()).toString('utf8')))));
    }
    return texts.flatMap((t) => t.split('\n').filter(Boolean).map((line) => JSON.parse(line) as SupportEvent));
  }

  private ensureContainer(): Promise<unknown> {
    // Forget a failed attempt, so the next call tries again once the service is back.
    this.ready ??= this.container.createIfNotExists().catch((err) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }
}

function groupByDay(events: SupportEvent[]): Map<string, SupportEvent[]> {
  const byDay = new Map<string, SupportEvent[]>();
  for (const e of events) byDay.set(utcDay(e.at), [...(byDay.get(utcDay(e.at)) ?? []), e]);
  return byDay;
}
