/**
 * SMS carrier keywords. The Azure Bot Service SMS channel runs on Twilio, which acts on these
 * itself (blocks or unblocks the number, sends its own confirmation) and then passes the message
 * on to the bot; the bot has to agree with it.
 *
 * - Opt-out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT (the US industry set every carrier and
 *   Twilio honour), plus REVOKE and OPTOUT (Twilio's list since the FCC's 2025 revocation rule).
 * - Opt-in: START and UNSTOP. YES also opts back in at Twilio, so it counts only while stopped:
 *   otherwise "yes" is an answer to the bot's question.
 * - Help: HELP and INFO.
 *
 * Only a whole message counts, in any case, with surrounding spaces, punctuation or emoji ignored
 * ("Stop.", " help ", "QUIT!"), and two-word spellings of the one-word keywords ("stop all",
 * "opt-out"). "stop please" or "cancel that" are ordinary messages, as they are for the carrier.
 * These rules apply on channel `sms` only: "cancel" is an in-conversation command elsewhere.
 */
export type SmsKeyword = 'stop' | 'start' | 'help';

export const STOP_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
export const START_KEYWORDS = ['START', 'UNSTOP'] as const;
/** Opt-in words that are also ordinary answers: keywords only while the conversation is stopped. */
export const START_KEYWORDS_WHILE_STOPPED = ['YES'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

const has = (list: readonly string[], key: string) => list.includes(key);

/** The carrier keyword a whole SMS message is, if any. */
export function smsKeyword(text: string | undefined, options: { stopped?: boolean } = {}): SmsKeyword | undefined {
  const key = keywordKey(text ?? '');
  if (!key) return undefined;
  if (has(STOP_KEYWORDS, key)) return 'stop';
  if (has(START_KEYWORDS, key) || (options.stopped && has(START_KEYWORDS_WHILE_STOPPED, key))) return 'start';
  if (has(HELP_KEYWORDS, key)) return 'help';
  return undefined;
}

// "  Stop! " → "STOP", "opt-out" → "OPTOUT"; anything with digits or more than two words → undefined.
function keywordKey(text: string): string | undefined {
  const core = text.normalize('NFKC').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!/^\p{L}+(?:[\s\-_]\p{L}+)?$/u.test(core)) return undefined;
  return core.replace(/[\s\-_]/g, '').toUpperCase();
}
