import type { IntentFile, IntentName } from '../knowledge/schema';
import { BayesModel } from './bayesModel';
import { calibrated, fitTemperature, type CalibrationSample, type IntentScore } from './calibration';
import { features } from './features';
import { stratifiedFolds, trainTestSplits } from './folds';
import type { ClassifierAlgorithm, IntentModel, TrainingDoc } from './intentModel';
import { LogisticModel } from './logisticModel';
import type { SpellingCorrector } from './spelling';

export type { ClassifierAlgorithm, IntentScore };

// Short replies ("yes", "hi") carry too little evidence for a bag-of-words model on its own.
const EXACT_MATCH_CONFIDENCE = 0.99;
const CALIBRATION_FOLDS = 5;

/** What the build keeps so the bot starts without training: the trained model and its temperature. */
export interface IntentModelData {
  algorithm: ClassifierAlgorithm;
  temperature: number;
  model: unknown;
  /** The training phrases as feature tokens: stemming thousands of phrases was most of a start. */
  docs: TrainingDoc[];
}

/**
 * A `natural` classifier over the training phrases, with confidences calibrated by temperature
 * scaling so one threshold means the same for every intent (natural's raw scores are not probabilities).
 */
export class IntentClassifier {
  /** Training phrases by their feature string: a message that is exactly one needs no guessing. */
  private readonly exact = new Map<string, IntentName>();

  constructor(
    private readonly model: IntentModel,
    readonly temperature: number,
    private readonly docs: TrainingDoc[],
    private readonly speller: SpellingCorrector,
  ) {
    for (const doc of docs) this.exact.set(doc.tokens.join(' '), doc.intent);
  }

  /** Trains the model and fits its temperature on cross-validated predictions. */
  static train(intents: IntentFile[], speller: SpellingCorrector, algorithm: ClassifierAlgorithm = 'bayes'): IntentClassifier {
    const docs = trainingDocs(intents, speller);
    const temperature = algorithm === 'bayes' ? fitTemperature(crossValidatedLogits(docs, algorithm)) : 1;
    return new IntentClassifier(trainModel(docs, algorithm), temperature, docs, speller);
  }

  static fromData(data: IntentModelData, speller: SpellingCorrector): IntentClassifier {
    const { docs } = data;
    const model = data.algorithm === 'logistic' ? LogisticModel.restore(data.model) : BayesModel.restore(data.model, docs);
    return new IntentClassifier(model, data.temperature, docs, speller);
  }

  get algorithm(): ClassifierAlgorithm {
    return this.model.algorithm;
  }

  toData(): IntentModelData {
    return { algorithm: this.model.algorithm, temperature: this.temperature, model: this.model.toJSON(), docs: this.docs };
  }

  /** All intents, best first, with confidences that sum to 1. */
  classify(text: string): IntentScore[] {
    return this.classifyFeatures(features(text, this.speller));
  }

  /** The same, for tokens already made with `features` (so a turn computes them once). */
  classifyFeatures(all: string[]): IntentScore[] {
    const exact = this.exact.get(all.join(' '));
    if (exact) return [{ intent: exact, confidence: EXACT_MATCH_CONFIDENCE }];
    const tokens = all.filter((t) => this.model.knows(t));
    // Nothing the bot has ever seen: do not let class priors pretend to understand it.
    if (tokens.length === 0) return [{ intent: 'out_of_scope', confidence: 1 }];
    return calibrated(this.model.logits(tokens), this.temperature);
  }
}

function trainingDocs(intents: IntentFile[], speller: SpellingCorrector): TrainingDoc[] {
  return intents.flatMap(({ intent, examples }) =>
    examples.map((e) => ({ tokens: features(e, speller), intent })).filter((d) => d.tokens.length > 0));
}

function trainModel(docs: TrainingDoc[], algorithm: ClassifierAlgorithm): IntentModel {
  return algorithm === 'logistic' ? LogisticModel.train(docs) : BayesModel.train(docs);
}

// Each phrase scored by a model that never saw it: the honest input for fitting the temperature.
function crossValidatedLogits(docs: TrainingDoc[], algorithm: ClassifierAlgorithm): CalibrationSample[] {
  const samples: CalibrationSample[] = [];
  for (const { train, test } of trainTestSplits(stratifiedFolds(docs, (d) => d.intent, CALIBRATION_FOLDS))) {
    const model = trainModel(train, algorithm);
    for (const doc of test) {
      const tokens = doc.tokens.filter((t) => model.knows(t));
      if (tokens.length > 0) samples.push({ logits: model.logits(tokens), gold: doc.intent });
    }
  }
  return samples;
}
