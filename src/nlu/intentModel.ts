import type { IntentName } from '../knowledge/schema';

/** One intent's score before calibration: a log-likelihood-like number, higher is better. */
export interface IntentLogit {
  intent: IntentName;
  logit: number;
}

/** A trained statistical model over feature tokens (Bayes or logistic regression from `natural`). */
export interface IntentModel {
  readonly algorithm: ClassifierAlgorithm;
  /** Log-space scores for every intent; the tokens are ones the model has seen in training. */
  logits(tokens: string[]): IntentLogit[];
  /** Whether the model has seen this token in training. */
  knows(token: string): boolean;
  /** Plain JSON to keep as a build artifact. */
  toJSON(): unknown;
}

export type ClassifierAlgorithm = 'bayes' | 'logistic';

/** A labelled training document: feature tokens and intent. */
export interface TrainingDoc {
  tokens: string[];
  intent: IntentName;
}
