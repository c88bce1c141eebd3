// The understanding targets (issue 3), reported on the held-out set by `npm run eval`.
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

/**
 * What CI holds the held-out set to (test/quality.test.ts). Where a target is met the floor is the
 * target; where it is not yet (see reports/eval.md), the floor sits just under the level reached
 * (2026-12-03), so a change that makes understanding worse fails before it lands. Raise each floor to its
 * target as the data improves; never lower one to let a change through unnoticed. Once, on purpose:
 * OOS recall 0.85 → 0.84 so that a message naming error 1002 is a problem report unless it is clearly
 * about something else (one held-out off-topic message now gets "which device?"; in the simulated day,
 * 14 customers writing "something says error 1002, what now" were told it was not the bot's subject).
 * Raised on 2026-12-03 (macro-F1 0.9 → 0.91, OOS recall 0.84 → 0.88) after the companion-device rule, and
 * on 2026-12-04 (macro-F1 and in-scope accuracy 0.91 → 0.93) after five rounds of new training phrases.
 * Later on 2026-12-04 the held-out sets grew (intents 255 → 459 messages, search 68 → 263 questions,
 * from blind authors): in-scope accuracy (0.959) and OOS recall (0.923) meet their targets on it, so
 * their floors are the targets; macro-F1 0.93 → 0.94 (0.947 reached). On 2026-12-06 search top-3
 * 0.95 → 0.96 (0.970 reached with the nearest-question score).
 * On 2026-12-07 fresh blind authors wrote new held-out sets (476 messages, 265 questions) and the old ones
 * became development data: every tuning round had been gated by the old set, so its scores flattered
 * the bot. On the new set macro-F1 was 0.909 and in-scope accuracy 0.913; the search meets both
 * targets (top-1 0.932, top-3 0.992), so its floors are the targets. The same day, new training phrases
 * by authors who saw no evaluation data and three entity rules took them to 0.960 and 0.959: every
 * target is met on the new set, so every floor is its target.
 */
export const FLOORS = {
  macroF1: TARGETS.macroF1,
  inScopeAccuracy: TARGETS.inScopeAccuracy,
  outOfScopeRecall: TARGETS.outOfScopeRecall,
  product: TARGETS.product,
  searchTop1: TARGETS.searchTop1,
  searchTop3: TARGETS.searchTop3,
} as const;
