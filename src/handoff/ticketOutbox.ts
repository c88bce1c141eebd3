import type { Storage } from 'botbuilder';
import { updateDocument } from '../storage/updateDocument';
import type { Json } from './ticketTemplate';

/** A ticket the helpdesk has not accepted yet. Its body is the filled template: redacted, no auth header. */
export interface OutboxTicket {
  reference: string;
  body: Json;
  /** Posts tried so far, the first (during the conversation) included. */
  attempts: number;
  /** Epoch ms: not before then. */
  nextAt: number;
  /** Epoch ms: a process is posting it until then; others leave it alone. */
  leaseUntil?: number;
}

interface OutboxDocument {
  tickets: OutboxTicket[];
}

export const OUTBOX_KEY = 'handoff/outbox';

/**
 * Tickets waiting for the helpdesk, kept in the bot's state storage as one document that every
 * change rewrites under its eTag, so several bot processes can share it: a ticket is claimed (leased)
 * before it is posted, and only the process whose claim was written posts it.
 * The document stays when empty: a missing one is created without an eTag check.
 */
export class TicketOutbox {
  constructor(private readonly storage: Storage) {}

  async add(ticket: OutboxTicket): Promise<void> {
    await this.update((doc) => ({ tickets: [...doc.tickets.filter((t) => t.reference !== ticket.reference), ticket] }));
  }

  /** Claims up to `limit` tickets that are due and not claimed by anyone else, for `leaseMs`. */
  async claimDue(now: number, leaseMs: number, limit = 10): Promise<OutboxTicket[]> {
    let claimed: OutboxTicket[] = [];
    await this.update((doc) => {
      const due = doc.tickets.filter((t) => t.nextAt <= now && (t.leaseUntil ?? 0) <= now).slice(0, limit);
      claimed = due.map((t) => ({ ...t, leaseUntil: now + leaseMs }));
      if (claimed.length === 0) return undefined;
      const byRef = new Map(claimed.map((t) => [t.reference, t]));
      return { tickets: doc.tickets.map((t) => byRef.get(t.reference) ?? t) };
    });
    return claimed;
  }

  async remove(reference: string): Promise<void> {
    await this.update((doc) => ({ tickets: doc.tickets.filter((t) => t.reference !== reference) }));
  }

  /** Another try failed: count it and wait until `nextAt`. */
  async postpone(reference: string, attempts: number, nextAt: number): Promise<void> {
    await this.update((doc) => ({
      tickets: doc.tickets.map((t) => (t.reference === reference ? { reference, body: t.body, attempts, nextAt } : t)),
    }));
  }

  async list(): Promise<OutboxTicket[]> {
    const doc = (await this.storage.read([OUTBOX_KEY]))[OUTBOX_KEY] as OutboxDocument | undefined;
    return doc?.tickets ?? [];
  }

  private update(change: (doc: OutboxDocument) => OutboxDocument | undefined): Promise<unknown> {
    return updateDocument<OutboxDocument>(this.storage, OUTBOX_KEY, (doc) => change({ tickets: doc?.tickets ?? [] }));
  }
}
