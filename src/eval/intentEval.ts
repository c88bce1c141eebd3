import type { SupportCore } from '../core/supportCore';
import { intentNames } from '../knowledge/schema';
import type { Understanding, UnderstandingRules } from '../nlu/understand';
import type { IntentExample } from './evalData';
import { classificationReport, scopeScores, share, type ClassificationReport, type ScopeScores } from './metrics';

export interface EntityScores {
  /** On messages that name or imply the device: the device found. */
  product: number;
  /** On every message: the brand found, or rightly none. */
  brand: number;
  /** On every message: the error code found, or rightly none. */
  errorCode: number;
}

export interface IntentEvaluation {
  size: number;
  report: ClassificationReport;
  scope: ScopeScores;
  entities: EntityScores;
  /** Share of messages where the bot would ask which of two intents was meant. */
  clarifyRate: number;
  misses: { example: IntentExample; got: Understanding }[];
  results: { example: IntentExample; got: Understanding }[];
}

/** Runs every example through the core's understander (classifier plus rules) and scores it. */
export function evaluateIntents(core: SupportCore, examples: IntentExample[], rules?: UnderstandingRules): IntentEvaluation {
  const results = examples.map((example) => ({ example, got: core.understander.understand(example.text, rules) }));
  return scoreUnderstandings(results);
}

export function scoreUnderstandings(results: { example: IntentExample; got: Understanding }[]): IntentEvaluation {
  const outcomes = results.map((r) => ({ gold: r.example.intent, predicted: r.got.intent }));
  const withProduct = results.filter((r) => r.example.product);
  return {
    size: results.length,
    report: classificationReport(outcomes, intentNames),
    scope: scopeScores(outcomes),
    entities: {
      product: share(withProduct, (r) => (r.got.entities.product ?? r.got.entities.impliedProduct) === r.example.product),
      brand: share(results, (r) => r.got.entities.brand === r.example.brand),
      errorCode: share(results, (r) => r.got.entities.errorCode === r.example.errorCode),
    },
    clarifyRate: share(results, (r) => r.got.clarify),
    misses: results.filter((r) => r.got.intent !== r.example.intent),
    results,
  };
}

export interface ThresholdPoint extends ScopeScores {
  threshold: number;
  macroF1: number;
  clarifyRate: number;
}

/** How in-scope accuracy and out-of-scope recall move with the threshold, to choose it from data. */
export function thresholdSweep(core: SupportCore, examples: IntentExample[], clarifyMargin: number, thresholds: number[]): ThresholdPoint[] {
  return thresholds.map((threshold) => {
    const e = evaluateIntents(core, examples, { threshold, clarifyMargin });
    return { threshold, ...e.scope, macroF1: e.report.macroF1, clarifyRate: e.clarifyRate };
  });
}
