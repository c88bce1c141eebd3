import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import type { IntentName } from '../knowledge/schema';
import type { IntentLogit, IntentModel, TrainingDoc } from './intentModel';
import { useIndexedFeatureVectors } from './indexedFeatureVectors';
import { NearestPhrases } from './nearestPhrases';

// Laplace smoothing for words a class has never seen.
const ALPHA = 0.1;
// How much the nearest training phrase counts next to the words on their own (in log-odds per unit of
// cosine similarity); chosen on the development set with \`npm run eval\`.
const NEAREST_WEIGHT = 10;

/**
 * natural's naive Bayes, trained and stored by natural, scored here as a multinomial model in log space,
 * plus the similarity of the nearest training phrase of each intent.
 * natural's own scoring divides by each class's document count, so a word a class has not seen costs a
 * big class more than a small one: long messages drift to the smallest intents. It also multiplies
 * plain probabilities (which underflow to 0 on long messages) and walks the whole vocabulary per class.
 * Smoothing over the vocabulary size instead treats every class alike and reads only the message's words.
 */
export class BayesModel implements IntentModel {
  readonly algorithm = 'bayes';
  private readonly featureIndex = new Map<string, number>();
  private readonly classes: { intent: IntentName; counts: Record<number, number>; logPrior: number; logDenominator: number }[];

  private readonly nearest: NearestPhrases<IntentName>;

  private constructor(private readonly natural: BayesClassifier, docs: TrainingDoc[]) {
    this.nearest = new NearestPhrases(docs.map((d) => ({ tokens: d.tokens, label: d.intent })));
    let i = 0;
    // natural numbers the features in the key order of its `features` object; follow the same order.
    for (const feature in natural.features) this.featureIndex.set(feature, i++);
    const model = natural.classifier as unknown as BayesCounts;
    const vocabulary = this.featureIndex.size;
    this.classes = Object.keys(model.classFeatures).map((label) => {
      const counts = model.classFeatures[label];
      // natural stores each count as (documents with the word) + its own smoothing.
      const words = Object.values(counts).reduce((sum, c) => sum + c - model.smoothing, 0);
      return {
        intent: label as IntentName,
        counts,
        logPrior: Math.log(model.classTotals[label] / model.totalExamples),
        logDenominator: Math.log(words + ALPHA * vocabulary),
      };
    });
  }

  static train(docs: TrainingDoc[]): BayesModel {
    const natural = new BayesClassifier();
    for (const doc of docs) natural.addDocument(doc.tokens, doc.intent);
    useIndexedFeatureVectors(natural);
    natural.train();
    return new BayesModel(natural, docs);
  }

  static restore(json: unknown, docs: TrainingDoc[]): BayesModel {
    return new BayesModel(BayesClassifier.restore(json as Record<string, unknown>), docs);
  }

  knows(token: string): boolean {
    return this.featureIndex.has(token);
  }

  logits(tokens: string[]): IntentLogit[] {
    const smoothing = (this.natural.classifier as unknown as BayesCounts).smoothing;
    const indices = [...new Set(tokens)].map((t) => this.featureIndex.get(t)).filter((i): i is number => i !== undefined);
    const near = this.nearest.similarity(tokens);
    return this.classes.map((c) => {
      let logit = c.logPrior + NEAREST_WEIGHT * (near.get(c.intent) ?? 0);
      for (const i of indices) logit += Math.log((c.counts[i] ? c.counts[i] - smoothing : 0) + ALPHA) - c.logDenominator;
      return { intent: c.intent, logit };
    });
  }

  toJSON(): unknown {
    return this.natural;
  }
}

// The trained counts natural keeps on its Bayes classifier (typed in natural's declarations).
interface BayesCounts {
  classFeatures: Record<string, Record<number, number>>;
  classTotals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
}
