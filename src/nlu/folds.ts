/**
 * Splits items into k folds with each label spread evenly (round-robin per label, in input order),
 * so every fold sees every intent and the split is the same on every run.
 */
export function stratifiedFolds<T>(items: T[], labelOf: (item: T) => string, k: number): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  const seen = new Map<string, number>();
  for (const item of items) {
    const label = labelOf(item);
    const n = seen.get(label) ?? 0;
    folds[n % k].push(item);
    seen.set(label, n + 1);
  }
  return folds;
}

/** Each fold as a test set with the other folds as its training set. */
export function* trainTestSplits<T>(folds: T[][]): Generator<{ train: T[]; test: T[]; fold: number }> {
  for (let i = 0; i < folds.length; i++) {
    yield { train: folds.filter((_, j) => j !== i).flat(), test: folds[i], fold: i };
  }
}
