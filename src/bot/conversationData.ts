import type { FixOutcome } from '../flow/flowState';
import type { IntentName } from '../knowledge/schema';

/** What the bot remembers about this conversation beyond the dialog stack. */
export interface ConversationData {
  product?: string;
  brand?: string;
  errorCode?: string;
  /** Every fix tried in this conversation, across flows and restarts: never offered twice. */
  tried: Record<string, FixOutcome>;
  /** Labels of the last menu shown outside a question, so a bare number can pick one. */
  menu?: string[];
  /** The last request answered ("is it under warranty?"), so "what about my fitbit?" gets the same for that device. */
  lastRequest?: IntentName;
}

/** What the bot remembers about the person across conversations. */
export interface UserProfile {
  product?: string;
  brand?: string;
  /** ISO dates; a range when the person gave a vague date. */
  purchase?: { earliest: string; latest: string; product?: string };
}
