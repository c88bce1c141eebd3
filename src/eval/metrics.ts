/** Scores of one label: how often predicting it was right, and how often it was found. */
export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  labels: LabelScores[];
  macroF1: number;
  accuracy: number;
  /** confusion[i][j]: how many of gold label i were predicted as label j, in `order`. */
  confusion: number[][];
  order: string[];
}

export interface Outcome {
  gold: string;
  predicted: string;
}

/** Per-label precision, recall and F1, their macro average, accuracy and the confusion matrix. */
export function classificationReport(outcomes: Outcome[], labelOrder: readonly string[]): ClassificationReport {
  const present = new Set(outcomes.flatMap((o) => [o.gold, o.predicted]));
  const order = labelOrder.filter((l) => present.has(l));
  const index = new Map(order.map((l, i) => [l, i]));
  const confusion = order.map(() => order.map(() => 0));
  for (const o of outcomes) confusion[index.get(o.gold)!][index.get(o.predicted)!]++;
  const labels = order.map((label, i) => {
    const tp = confusion[i][i];
    const support = sum(confusion[i]);
    const predicted = sum(confusion.map((row) => row[i]));
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const correct = outcomes.filter((o) => o.gold === o.predicted).length;
  return {
    labels,
    macroF1: labels.length ? sum(labels.map((l) => l.f1)) / labels.length : 0,
    accuracy: outcomes.length ? correct / outcomes.length : 0,
    confusion,
    order,
  };
}

export interface ScopeScores {
  /** Of the messages the bot should handle, the share given exactly the right intent. */
  inScopeAccuracy: number;
  /** Of the messages the bot should decline, the share it declined. */
  outOfScopeRecall: number;
}

/** The two numbers that pull against each other as the confidence threshold moves. */
export function scopeScores(outcomes: Outcome[], outOfScope = 'out_of_scope'): ScopeScores {
  const inScope = outcomes.filter((o) => o.gold !== outOfScope);
  const oos = outcomes.filter((o) => o.gold === outOfScope);
  return {
    inScopeAccuracy: share(inScope, (o) => o.predicted === o.gold),
    outOfScopeRecall: share(oos, (o) => o.predicted === outOfScope),
  };
}

export function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.length ? items.filter(test).length / items.length : 0;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
