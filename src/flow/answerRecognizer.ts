import type { Answer } from '../knowledge/schema';
import type { Understanding } from '../nlu/understand';
import type { Negations } from '../nlu/negations';
import { normalise, words } from '../nlu/normalise';
import { PhraseList, phraseOf } from '../nlu/phraseList';

// Answers that a plain "yes" or "no" stands for, whichever of them the question offers.
const AFFIRMATIVE = ['yes', 'fixed', 'proceed'];
const NEGATIVE = ['no', 'not_fixed', 'hold'];
// The plain answers, whose short phrases ("it is", "maybe") turn up inside messages about something else.
const PLAIN = ['yes', 'no', 'unsure'];
// Answers whose phrases a negation before them turns around: "i don't think it's fixed", "not operational".
const NEGATABLE = [...AFFIRMATIVE, 'outage', 'all_clear'];
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, one: 1, two: 2, three: 3, four: 4, five: 5 };

/** Replies to a question that are not answers to it, from answers.yaml. */
export interface NonAnswers {
  acknowledgements?: readonly string[];
  stepDone?: readonly string[];
}

/**
 * Maps what a person typed (or a tapped button's value) to one of the answers a question offers:
 * by number ("2"), by the answer's id or any of its synonyms, or by a yes/no intent.
 */
export class AnswerRecognizer {
  private readonly phrases: { phrase: string; answer: string }[];
  private readonly acknowledgements: PhraseList;
  private readonly stepDone: PhraseList;

  constructor(private readonly answers: Record<string, Answer>, private readonly negations: Negations, replies: NonAnswers = {}) {
    this.acknowledgements = new PhraseList(replies.acknowledgements ?? []);
    this.stepDone = new PhraseList(replies.stepDone ?? []);
    this.phrases = Object.entries(answers)
      .flatMap(([id, a]) => [a.label, ...a.synonyms].map((s) => ({ phrase: phraseOf(s), answer: id })))
      .filter((p) => p.phrase)
      .sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** "ok", "will do", "it's updating, hang on": a reply that only acknowledges the question (a phrase of two words or more may be part of it). */
  isAcknowledgement(text: string): boolean {
    return this.acknowledgements.matches(text);
  }

  /** The message only acknowledges the step ("doing it now", as a whole) or says it was done. */
  isOnlyAboutTheStep(text: string): boolean {
    return this.acknowledgements.is(text) || this.isStepDone(text);
  }

  /** "done", "ok done", "restarted it, took a while": a reply that says the step was done, not how it went. */
  isStepDone(text: string): boolean {
    return this.stepDone.begins(text);
  }

  label(answerId: string): string {
    return this.answers[answerId]?.label ?? answerId;
  }

  /** The answer the message gives, by its words or else by its yes/no intent. */
  recognise(text: string, allowed: readonly string[], understanding?: Understanding): string | undefined {
    return this.recogniseWords(text, allowed, understanding) ?? this.recogniseIntent(text, allowed, understanding);
  }

  /** The answer the message's words give (the id, a number, a synonym, alone or in a short reply); its intent is not read. */
  recogniseWords(text: string, allowed: readonly string[], understanding?: Understanding): string | undefined {
    const clean = normalise(text);
    if (allowed.includes(clean)) return clean;
    const byNumber = this.byPosition(clean, allowed);
    if (byNumber) return byNumber;
    const all = words(clean);
    const opening = words(openingClause(clean));
    // The whole reply, or its opening clause ("no, and the app says disconnected"), is an answer.
    const said = [phraseOf(clean), opening.join(' ')];
    const exact = this.phrases.find((p) => said.includes(p.phrase) && allowed.includes(p.answer));
    if (exact) return exact.answer;
    // Short replies, or a longer one's opening clause, that contain an answer ("nope still broken",
    // "ok i did that already", "yes they can, but the clock on the nas is wrong").
    const ws = shortReply(all, opening);
    if (ws.length > 0) {
      const padded = ` ${ws.join(' ')} `;
      // "it is a fitbit charge 6" holds "it is" but says which watch it is: with a brand named, a plain
      // answer counts only when said outright (or clearly by intent, below).
      const named = Boolean(understanding?.entities.brand);
      const contained = this.phrases.find((p) => p.phrase.length > 2 && padded.includes(` ${p.phrase} `) && allowed.includes(p.answer) && !(named && PLAIN.includes(p.answer)));
      // "i don't think it's fixed" must not count as fixed.
      if (contained && !(NEGATABLE.includes(contained.answer) && this.negatedBefore(padded, contained.phrase))) return contained.answer;
    }
    return undefined;
  }

  /** The plain yes or no the message's intent stands for, among the answers offered. */
  recogniseIntent(text: string, allowed: readonly string[], u: Understanding | undefined): string | undefined {
    if (!u || u.confidence < 0.5) return undefined;
    if (u.intent === 'affirm') {
      const answer = allowed.find((a) => AFFIRMATIVE.includes(a));
      // "ok", "done, restarted" or "ok restarting it now" sound like yes but report doing the step,
      // not its result: a fix counts as working only with a yes said ("yeah that did it").
      return answer === 'fixed' && !this.saysYes(phraseOf(normalise(text))) ? undefined : answer;
    }
    if (u.intent === 'deny') return allowed.find((a) => NEGATIVE.includes(a));
    return undefined;
  }

  /** The place in a list the message picks, when that is all it says ("2", "option 2", "the second one"). */
  pickedPosition(text: string): number | undefined {
    return positionOf(normalise(text));
  }

  private byPosition(clean: string, allowed: readonly string[]): string | undefined {
    const n = positionOf(clean);
    return n === undefined ? undefined : allowed[n - 1];
  }

  /** The message holds one of the plain yes answer's phrases that is more than an acknowledgement ("yeah", not "ok"). */
  private saysYes(phrase: string): boolean {
    const padded = ` ${phrase} `;
    return this.phrases.some((p) => p.answer === 'yes' && !this.acknowledgements.has(p.phrase) && padded.includes(` ${p.phrase} `));
  }

  private negatedBefore(padded: string, phrase: string): boolean {
    return this.negations.anyIn(words(padded.slice(0, padded.indexOf(` ${phrase} `))));
  }
}

/** The place in a list a message picks ("2", "#2", "option 2", "second", "the second one"), if that is all it says. */
function positionOf(clean: string): number | undefined {
  const m = /^(?:option |number |#|the )?(\d|first|second|third|fourth|fifth|one|two|three|four|five)(?: one| option)?[.)]?$/.exec(clean);
  if (!m) return undefined;
  return /^\d$/.test(m[1]) ? Number(m[1]) : ORDINALS[m[1]];
}

const SHORT_REPLY_WORDS = 8;

/** The reply's words when it is short, else its opening clause's when that is; none otherwise. */
function shortReply(all: string[], opening: string[]): string[] {
  if (all.length <= SHORT_REPLY_WORDS) return all;
  return opening.length <= SHORT_REPLY_WORDS && opening.length < all.length ? opening : [];
}

/** The reply up to its first punctuation mark: all of it when it has none. */
function openingClause(clean: string): string {
  return /^[^,.;:!?]*/.exec(clean)![0];
}
