import type { Flow } from '../knowledge/schema';
import type { Negations } from '../nlu/negations';
import { words } from '../nlu/normalise';

/** Diagnostic id → answer id, for the questions the first message already answered. */
export type HeardAnswers = Record<string, string>;

/** What the message that starts a flow already says: answers to its questions, fixes done. */
export interface Heard {
  answers: HeardAnswers;
  /** Ids of the fixes whose `tried` phrases it holds ("restarted it twice"). */
  tried: string[];
}

/**
 * The flow's diagnostic answers a message gives by holding one of their `heard` phrases, word for
 * word ("it wont turn on" holds "won't turn on"), not right after a negation ("it hasn't lost
 * connection"). A question with
 * phrases of two answers in the message is left to ask.
 */
export function heardAnswers(flow: Flow, message: string | readonly string[], negations: Negations): HeardAnswers {
  const said = typeof message === 'string' ? words(message) : message;
  const heard: HeardAnswers = {};
  for (const d of flow.diagnostics) {
    const answer = heardAnswer(d.answers, said, negations);
    if (answer !== undefined) heard[d.id] = answer;
  }
  return heard;
}

/** The one answer of a question whose `heard` phrases the message (or its words) holds. */
export function heardAnswer(answers: Readonly<Record<string, { heard: readonly string[] }>>, message: string | readonly string[], negations: Negations): string | undefined {
  const said = typeof message === 'string' ? words(message) : message;
  const found = Object.entries(answers).filter(([, effect]) => effect.heard.some((phrase) => holds(said, phraseWords(phrase), negations)));
  return found.length === 1 ? found[0][0] : undefined;
}

/** The flow's fixes the message says were already done, by their `tried` phrases, not right after a negation. */
export function heardTried(flow: Flow, message: string | readonly string[], negations: Negations): string[] {
  const said = typeof message === 'string' ? words(message) : message;
  return flow.fixes.filter((f) => f.tried.some((phrase) => holds(said, phraseWords(phrase), negations))).map((f) => f.id);
}

/** What the message already says of each flow it says something of, by flow id. */
export function heardInFlows(flows: readonly Flow[], message: string, negations: Negations): Record<string, Heard> {
  const said = words(message);
  return Object.fromEntries(flows
    .map((f) => [f.id, { answers: heardAnswers(f, said, negations), tried: heardTried(f, said, negations) }] as const)
    .filter(([, heard]) => Object.keys(heard.answers).length > 0 || heard.tried.length > 0));
}

// The flows' phrases, read once: as many as the data holds.
const readPhrases = new Map<string, string[]>();

function phraseWords(phrase: string): string[] {
  let w = readPhrases.get(phrase);
  if (!w) readPhrases.set(phrase, (w = words(phrase)));
  return w;
}

function holds(said: readonly string[], phrase: readonly string[], negations: Negations): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= said.length; i++) {
    if (phrase.every((w, k) => said[i + k] === w) && !negations.is(said[i - 1])) return true;
  }
  return false;
}
