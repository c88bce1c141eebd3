import { randomInt } from 'node:crypto';
import { pseudonym } from '../analytics/turnEvents';
import { caseSummary, type CaseFacts } from '../replies/caseSummary';
import type { SummaryReply } from '../replies/reply';
import type { Wording } from '../replies/wording';

export type HandoffReason = 'asked' | 'exhausted';

/** A case handed to a person: what an agent or the helpdesk gets, and the reference the person is told. */
export interface HandoffCase {
  /** Short, readable over the phone; also the ticket's idempotency key. */
  reference: string;
  reason: HandoffReason;
  channel: string;
  /** A hash of the conversation id (on SMS the id is a phone number): ties ticket, transcript and report together. */
  conversation: string;
  createdAt: string;
  facts: CaseFacts;
  summary: SummaryReply;
}

export interface CaseOrigin {
  channelId: string;
  conversationId: string;
}

export function createHandoffCase(origin: CaseOrigin, reason: HandoffReason, facts: CaseFacts, wording: Wording, now: Date): HandoffCase {
  return {
    reference: newReference(),
    reason,
    channel: origin.channelId,
    conversation: pseudonym(`${origin.channelId}:${origin.conversationId}`),
    createdAt: now.toISOString(),
    facts,
    summary: caseSummary(facts, wording),
  };
}

// Crockford's alphabet: no I, L, O or U to misread when the person quotes it.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const pick = () => ALPHABET[randomInt(ALPHABET.length)];
  return `H-${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`;
}
