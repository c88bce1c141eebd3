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

  recognise(text: string, allowed: readonly string[], understanding?: Understanding): string | undefined {
    const clean = normalise(text);
    if (allowed.includes(clean)) return clean;
    const byNumber = this.byPosition(clean, allowed);
    if (byNumber) return byNumber;
    const phrase = phraseOf(clean);
    const exact = this.phrases.find((p) => p.phrase === phrase && allowed.includes(p.answer));
    if (exact) return exact.answer;
    // Short replies that contain an answer ("nope still broken", "ok i did that already").
    const ws = words(clean);
    if (ws.length > 0 && ws.length <= 8) {
      const padded = ` ${ws.join(' ')} `;
      // "it is a fitbit charge 6" holds "it is" but says which watch it is: with a brand named, a plain
      // answer counts only when said outright (or clearly by intent, below).
      const named = Boolean(understanding?.entities.brand);
      const contained = this.phrases.find((p) => p.phrase.length > 2 && padded.includes(` ${p.phrase} `) && allowed.includes(p.answer) && !(named && PLAIN.includes(p.answer)));
      // "i don't think it's fixed" must not count as fixed.
      if (contained && !(NEGATABLE.includes(contained.answer) && this.negatedBefore(padded, contained.phrase))) return contained.answer;
    }
    return this.byIntent(allowed, understanding, phrase);
  }

  private byPosition(clean: string, allowed: readonly string[]): string | undefined {
    const m = /^(?:option |number |#)?(\d|first|second|third|fourth|fifth|one|two|three|four|five)(?: one| option)?[.)]?$/.exec(clean);
    if (!m) return undefined;
    const n = /^\d$/.test(m[1]) ? Number(m[1]) : ORDINALS[m[1]];
    return allowed[n - 1];
  }

  private byIntent(allowed: readonly string[], u: Understanding | undefined, phrase: string): string | undefined {
    if (!u || u.confidence < 0.5) return undefined;
    if (u.intent === 'affirm') {
      const answer = allowed.find((a) => AFFIRMATIVE.includes(a));
      // "ok", "done, restarted" or "ok restarting it now" sound like yes but report doing the step,
      // not its result: a fix counts as working only with a yes said ("yeah that did it").
      return answer === 'fixed' && !this.saysYes(phrase) ? undefined : answer;
    }
    if (u.intent === 'deny') return allowed.find((a) => NEGATIVE.includes(a));
    return undefined;
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
