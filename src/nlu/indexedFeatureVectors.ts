import type BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';

/**
 * natural's `textToFeatures` builds a training document's 0/1 vector by searching the document for
 * every word of the vocabulary (`for…in` over the vocabulary, `indexOf` per word): vocabulary × words
 * per document, most of the training time (seconds on 2,300 phrases, again for each calibration fold). This gives natural the same
 * vectors, in the same order, from an index of the vocabulary. Call it after the last `addDocument`:
 * the vocabulary is read once.
 */
export function useIndexedFeatureVectors(classifier: BayesClassifier): void {
  const vocabulary = Object.keys(classifier.features);
  const position = new Map(vocabulary.map((feature, i) => [feature, i]));
  classifier.textToFeatures = (observation: string | string[]): number[] => {
    if (typeof observation === 'string') throw new TypeError('expected tokens, not text');
    const vector = new Array<number>(vocabulary.length).fill(0);
    for (const token of observation) {
      const i = position.get(token);
      if (i !== undefined) vector[i] = 1;
    }
    return vector;
  };
}
