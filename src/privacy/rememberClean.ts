import type { Redact } from './redact';

// Enough for all of the bot's own wording and card labels, which it repeats every turn.
const DEFAULT_MAX = 2000;

/**
 * The same redaction, remembering texts it found nothing in: the bot's own replies (card labels,
 * fix steps, questions) pass through the transcript's redaction every turn, and running every
 * pattern over each again is most of the transcript's cost. Only texts that came out unchanged are
 * kept, so nothing with personal data in it is ever held; when full, it starts again.
 */
export function rememberClean(redact: Redact, max = DEFAULT_MAX): Redact {
  const clean = new Set<string>();
  return (text) => {
    if (clean.has(text)) return text;
    const out = redact(text);
    if (out === text) {
      if (clean.size >= max) clean.clear();
      clean.add(text);
    }
    return out;
  };
}
