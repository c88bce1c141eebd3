// The understanding targets (issue 3), checked on the held-out set by `npm run eval` and by CI.
export const TARGETS = {
  macroF1: 0.95,
  inScopeAccuracy: 0.95,
  outOfScopeRecall: 0.9,
  product: 0.97,
  searchTop1: 0.9,
  searchTop3: 0.98,
  classifyPerSecond: 5000,
  readyMs: 1000,
} as const;
