import type { Understanding } from '../nlu/understand';
import type { IntentExample } from './evalData';

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  /** Mean confidence of the messages in the bin. */
  confidence: number;
  /** Share of them that got the right intent. */
  accuracy: number;
}

/**
 * Reliability of the confidences: bins of predicted confidence against how often the intent was
 * right, and the expected calibration error (the count-weighted gap between the two).
 */
export function reliability(results: { example: IntentExample; got: Understanding }[], bins = 5): { bins: ReliabilityBin[]; ece: number } {
  const out: ReliabilityBin[] = [];
  let ece = 0;
  for (let i = 0; i < bins; i++) {
    const from = i / bins;
    const to = (i + 1) / bins;
    const inBin = results.filter((r) => r.got.confidence >= from && (r.got.confidence < to || (i === bins - 1 && r.got.confidence <= 1)));
    if (inBin.length === 0) continue;
    const confidence = inBin.reduce((s, r) => s + r.got.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((r) => r.got.intent === r.example.intent).length / inBin.length;
    out.push({ from, to, count: inBin.length, confidence, accuracy });
    ece += (inBin.length / results.length) * Math.abs(confidence - accuracy);
  }
  return { bins: out, ece };
}
