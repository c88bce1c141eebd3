import { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
import type { IntentFile, IntentName } from '../knowledge/schema';
import { features } from './features';
import type { SpellingCorrector } from './spelling';

export interface IntentScore {
  intent: IntentName;
  confidence: number;
}

// Short replies ("yes", "hi") carry too little evidence for a bag-of-words model on its own.
const EXACT_MATCH_CONFIDENCE = 0.99;

export type ClassifierAlgorithm = 'bayes' | 'logistic';

/**
 * A `natural` classifier over the training phrases. Scores are normalised across intents so they
 * sum to 1 and one threshold means the same for every intent (natural's raw scores do not).
 */
export class IntentClassifier {
  private readonly model: BayesClassifier | LogisticRegressionClassifier;
  private readonly knownTokens = new Set<string>();
  /** Training phrases by their feature string: a message that is exactly one needs no guessing. */
  private readonly exact = new Map<string, IntentName>();

  constructor(
    intents: IntentFile[],
    private readonly speller: SpellingCorrector,
    algorithm: ClassifierAlgorithm = 'bayes',
  ) {
    this.model = algorithm === 'logistic' ? new LogisticRegressionClassifier() : new BayesClassifier();
    for (const { intent, examples } of intents) {
      for (const example of examples) {
        const tokens = features(example, speller);
        if (tokens.length === 0) continue;
        tokens.forEach((t) => this.knownTokens.add(t));
        this.exact.set(tokens.join(' '), intent);
        this.model.addDocument(tokens, intent);
      }
    }
    this.model.train();
  }

  /** All intents, best first, with confidences that sum to 1. */
  classify(text: string): IntentScore[] {
    return this.classifyFeatures(features(text, this.speller));
  }

  /** The same, for tokens already made with `features` (so a turn computes them once). */
  classifyFeatures(all: string[]): IntentScore[] {
    const exact = this.exact.get(all.join(' '));
    if (exact) return [{ intent: exact, confidence: EXACT_MATCH_CONFIDENCE }];
    const tokens = all.filter((t) => this.knownTokens.has(t));
    // Nothing the bot has ever seen: do not let class priors pretend to understand it.
    if (tokens.length === 0) return [{ intent: 'out_of_scope', confidence: 1 }];
    const raw = this.model.getClassifications(tokens);
    const total = raw.reduce((sum, c) => sum + Math.max(c.value, 0), 0);
    return raw
      .map((c) => ({ intent: c.label as IntentName, confidence: total > 0 ? Math.max(c.value, 0) / total : 0 }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}
