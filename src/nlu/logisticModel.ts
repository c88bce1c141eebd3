import LogisticRegressionClassifier from 'natural/lib/natural/classifiers/logistic_regression_classifier';
import type { IntentName } from '../knowledge/schema';
import type { IntentLogit, IntentModel, TrainingDoc } from './intentModel';

/** natural's one-vs-rest logistic regression; its per-class probabilities become log scores. */
export class LogisticModel implements IntentModel {
  readonly algorithm = 'logistic';
  private readonly known: Set<string>;

  private constructor(private readonly natural: LogisticRegressionClassifier) {
    this.known = new Set(Object.keys(natural.features));
  }

  static train(docs: TrainingDoc[]): LogisticModel {
    const natural = new LogisticRegressionClassifier();
    for (const doc of docs) natural.addDocument(doc.tokens, doc.intent);
    natural.train();
    return new LogisticModel(natural);
  }

  static restore(json: unknown): LogisticModel {
    return new LogisticModel(LogisticRegressionClassifier.restore(json as Record<string, unknown>));
  }

  knows(token: string): boolean {
    return this.known.has(token);
  }

  logits(tokens: string[]): IntentLogit[] {
    return this.natural.getClassifications(tokens).map((c) => ({
      intent: c.label as IntentName,
      logit: Math.log(Math.max(c.value, 1e-12)),
    }));
  }

  toJSON(): unknown {
    return this.natural;
  }
}
