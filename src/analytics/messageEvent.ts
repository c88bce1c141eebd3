import type { Understanding } from '../nlu/understand';
import type { Redact } from '../privacy/redact';
import type { EventBody } from './supportEvent';

export interface MessageContext {
  /** The message answered the question the bot was waiting on ("2", "still broken", a date). */
  answered: boolean;
  /** Below this confidence the bot was not sure what was meant. */
  threshold: number;
  redact: Redact;
}

/**
 * What a message event records: the intent and its calibrated confidence, and, only when the bot did
 * not understand (out of scope or unsure, and no answer to its question), the redacted text, so the
 * report can list candidates for new training phrases.
 */
export function messageEvent(u: Understanding, c: MessageContext): EventBody {
  const outOfScope = !c.answered && u.intent === 'out_of_scope';
  const understood = c.answered || (!outOfScope && u.confidence >= c.threshold);
  return {
    type: 'message',
    intent: u.intent,
    confidence: Math.round(u.confidence * 1000) / 1000,
    outOfScope,
    ...(c.answered ? { answered: true } : {}),
    ...(understood ? {} : { text: c.redact(u.text) }),
  };
}
