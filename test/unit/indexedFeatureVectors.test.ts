import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import { useIndexedFeatureVectors } from '../../src/nlu/indexedFeatureVectors';

const DOCS: [string[], string][] = [
  [['watch', 'wont', 'sync'], 'troubleshoot'],
  [['nas', 'cloud', 'access', 'down'], 'service_status'],
  [['no', 'still', 'broken', 'no'], 'deny'],
  [['2024', 'receipt', 'watch'], 'warranty'],
];

function classifierWith(docs: [string[], string][]): BayesClassifier {
  const c = new BayesClassifier();
  for (const [tokens, label] of docs) c.addDocument(tokens, label);
  return c;
}

describe('natural training vectors from an index of the vocabulary', () => {
  it('gives the same vector as natural for documents, unknown words and numbers-as-words', () => {
    const natural = classifierWith(DOCS);
    const indexed = classifierWith(DOCS);
    useIndexedFeatureVectors(indexed);
    for (const tokens of [...DOCS.map(([t]) => t), ['unknown', 'watch'], [], ['2024']]) {
      expect(indexed.textToFeatures(tokens)).toEqual(natural.textToFeatures(tokens));
    }
  });

  it('trains the same counts as natural does', () => {
    const natural = classifierWith(DOCS);
    natural.train();
    const indexed = classifierWith(DOCS);
    useIndexedFeatureVectors(indexed);
    indexed.train();
    expect(JSON.parse(JSON.stringify(indexed.classifier))).toEqual(JSON.parse(JSON.stringify(natural.classifier)));
  });

  it('refuses raw text, which natural would stem with its own tokenizer', () => {
    const c = classifierWith(DOCS);
    useIndexedFeatureVectors(c);
    expect(() => c.textToFeatures('watch wont sync')).toThrow(TypeError);
  });
});
