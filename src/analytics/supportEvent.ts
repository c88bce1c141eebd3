import type { FixOutcome, FlowOutcome } from '../flow/flowState';

/** Who and where, stamped on every event by the recorder. The user id is a hash, never the raw id. */
export interface EventStamp {
  /** ISO timestamp. */
  at: string;
  conversation: string;
  channel: string;
  user?: string;
}

/** What happened in a turn, as recorded for the support leads' report. */
export type EventBody =
  /**
   * Every message: what the bot understood. `answered` when it answered the question the bot was
   * waiting on; `text` (redacted) only when the bot did not understand it.
   */
  | { type: 'message'; intent: string; confidence: number; outOfScope: boolean; answered?: boolean; text?: string }
  /** A flow showed a step: a diagnostic question, a fix, or a warning before a risky fix. */
  | { type: 'flow_step'; flow: string; step: string; kind: 'status_page' | 'diagnostic' | 'confirm' | 'fix' }
  | { type: 'fix_outcome'; flow: string; fix: string; outcome: FixOutcome }
  | { type: 'flow_end'; flow: string; outcome: FlowOutcome }
  /** The do-it-yourself steps ran out and the warranty was checked; contacts or a handoff to a person follow. */
  | { type: 'escalation'; flow?: string; warranty?: string }
  /** A person was asked for: through the channel's agent hub, the helpdesk webhook, or neither. */
  | { type: 'handoff'; reason: 'asked' | 'exhausted'; via: Array<'event' | 'webhook'>; delivered: boolean }
  | { type: 'forget_me' };

export type SupportEvent = EventStamp & EventBody;
export type EventType = EventBody['type'];
