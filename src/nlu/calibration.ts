import type { IntentName } from '../knowledge/schema';
import type { IntentLogit } from './intentModel';

export interface IntentScore {
  intent: IntentName;
  confidence: number;
}

/**
 * Softmax with a temperature: turns log scores into confidences that sum to 1. The temperature is
 * fitted on cross-validation so that "0.8" means right about 80% of the time for every intent.
 */
export function calibrated(logits: IntentLogit[], temperature: number): IntentScore[] {
  const max = Math.max(...logits.map((l) => l.logit));
  const exps = logits.map((l) => Math.exp((l.logit - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return logits
    .map((l, i) => ({ intent: l.intent, confidence: exps[i] / sum }))
    .sort((a, b) => b.confidence - a.confidence);
}

export interface CalibrationSample {
  logits: IntentLogit[];
  gold: IntentName;
}

// Candidate temperatures, on a log scale: naive Bayes is very over-confident, so large values matter.
const GRID = Array.from({ length: 61 }, (_, i) => Math.pow(10, -1 + i / 20));

/** The temperature with the lowest negative log-likelihood of the gold intents (temperature scaling). */
export function fitTemperature(samples: CalibrationSample[]): number {
  if (samples.length === 0) return 1;
  let best = 1;
  let bestLoss = Infinity;
  for (const t of GRID) {
    const loss = samples.reduce((sum, s) => sum - Math.log(goldConfidence(s, t) + 1e-12), 0);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return Math.round(best * 1000) / 1000;
}

function goldConfidence(s: CalibrationSample, temperature: number): number {
  return calibrated(s.logits, temperature).find((c) => c.intent === s.gold)?.confidence ?? 0;
}
