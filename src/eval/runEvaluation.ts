import { createSupportCore, type CoreOptions, type SupportCore } from '../core/supportCore';
import type { Knowledge } from '../knowledge';
import type { Understanding } from '../nlu/understand';
import { reliability, type ReliabilityBin } from './calibrationTable';
import { crossValidate } from './crossValidation';
import { EVAL_FILES, loadIntentSet, loadSearchSet, type IntentExample } from './evalData';
import { evaluateIntents, scoreUnderstandings, thresholdSweep, type IntentEvaluation, type ThresholdPoint } from './intentEval';
import { evaluateSearch, type SearchEvaluation } from './searchEval';

export interface VariantResult {
  name: string;
  trainMs: number;
  dev: IntentEvaluation;
  heldout: IntentEvaluation;
}

export interface Evaluation {
  algorithm: string;
  temperature: number;
  threshold: number;
  clarifyMargin: number;
  trainingPhrases: number;
  dev: IntentEvaluation;
  heldout: IntentEvaluation;
  crossValidation: { folds: number; evaluation: IntentEvaluation };
  sweep: ThresholdPoint[];
  calibration: { bins: ReliabilityBin[]; ece: number };
  search: { dev: SearchEvaluation; heldout: SearchEvaluation };
  variants: VariantResult[];
}

export interface EvaluationOptions {
  folds: number;
  /** Also train natural's logistic regression for the comparison (slow: about a minute). */
  compareLogistic: boolean;
}

const SWEEP = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

/** Everything `npm run eval` reports, computed from the knowledge and the labelled sets under `root`. */
export function runEvaluation(root: string, k: Knowledge, core: SupportCore, options: EvaluationOptions): Evaluation {
  const dev = loadIntentSet(root, EVAL_FILES.intentsDev);
  const heldout = loadIntentSet(root, EVAL_FILES.intentsHeldout);
  const rules = { threshold: core.confidenceThreshold, clarifyMargin: core.clarifyMargin };
  const heldoutEval = evaluateIntents(core, heldout);
  return {
    algorithm: core.classifier.algorithm,
    temperature: core.classifier.temperature,
    threshold: rules.threshold,
    clarifyMargin: rules.clarifyMargin,
    trainingPhrases: k.intents.reduce((n, i) => n + i.examples.length, 0),
    dev: evaluateIntents(core, dev),
    heldout: heldoutEval,
    crossValidation: { folds: options.folds, evaluation: crossValidate(k, options.folds) },
    // The threshold is chosen on the development set; the held-out set only confirms it.
    sweep: thresholdSweep(core, dev, rules.clarifyMargin, SWEEP),
    calibration: reliability(heldoutEval.results),
    search: {
      dev: evaluateSearch(core, loadSearchSet(root, EVAL_FILES.searchDev)),
      heldout: evaluateSearch(core, loadSearchSet(root, EVAL_FILES.searchHeldout)),
    },
    variants: compareVariants(k, core, { dev, heldout }, options.compareLogistic),
  };
}

function compareVariants(k: Knowledge, core: SupportCore, sets: { dev: IntentExample[]; heldout: IntentExample[] }, logistic: boolean): VariantResult[] {
  const variant = (name: string, trainMs: number, understand: (text: string) => Understanding): VariantResult => ({
    name,
    trainMs,
    dev: scoreUnderstandings(sets.dev.map((example) => ({ example, got: understand(example.text) }))),
    heldout: scoreUnderstandings(sets.heldout.map((example) => ({ example, got: understand(example.text) }))),
  });
  const bayesMs = timeTraining(k, { classifier: 'bayes' }).ms;
  const results = [
    variant('natural Bayes alone', bayesMs, (text) => modelOnly(core, text)),
    variant('natural Bayes + rules (the bot)', bayesMs, (text) => core.understander.understand(text)),
  ];
  if (logistic) {
    const { core: lr, ms } = timeTraining(k, { classifier: 'logistic' });
    results.push(variant('natural logistic regression alone', ms, (text) => modelOnly(lr, text)));
    results.push(variant('natural logistic regression + rules', ms, (text) => lr.understander.understand(text)));
  }
  return results;
}

// The classifier's own best guess, without the entity and domain rules around it.
function modelOnly(core: SupportCore, text: string): Understanding {
  const ranking = core.classifier.classify(text);
  return { text, intent: ranking[0].intent, confidence: ranking[0].confidence, ranking, entities: {}, clarify: false };
}

function timeTraining(k: Knowledge, options: CoreOptions): { core: SupportCore; ms: number } {
  const started = performance.now();
  const core = createSupportCore(k, options);
  return { core, ms: Math.round(performance.now() - started) };
}
