import { IntentClassifier } from '../../src/nlu/intentClassifier';
import { words } from '../../src/nlu/normalise';
import { SpellingCorrector } from '../../src/nlu/spelling';
import type { IntentFile } from '../../src/knowledge/schema';
import { realKnowledge, testCore } from '../helpers/testCore';

describe('Understander with the real knowledge', () => {
  const core = testCore();
  const intentOf = (text: string) => core.understander.understand(text).intent;

  test.each([
    ['my galaxy watch shows error 1002', 'troubleshoot'],
    ['is my fitbit still under warranty', 'warranty'],
    ['where can i get my watch repaired', 'repair'],
    ['i want to talk to a human', 'contact_support'],
    ['how do i stop this happening again', 'prevention'],
    ['is the wd cloud down', 'service_status'],
    ['yes', 'affirm'],
    ['no', 'deny'],
    ['hi', 'greeting'],
    ['thanks', 'thanks'],
    ['start over', 'cancel'],
  ])('"%s" → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  // Regression test for a bug the first version had.
  test('an off-topic question ("what\'s the weather like tomorrow") is out_of_scope, not a low-confidence greeting', () => {
    const u = core.understander.understand("what's the weather like tomorrow");
    expect(u.intent).toBe('out_of_scope');
  });

  test('an off-topic request the classifier is unsure about is out_of_scope', () => {
    expect(intentOf('book me a flight to paris')).toBe('out_of_scope');
    expect(intentOf("my cat won't eat")).toBe('out_of_scope');
  });

  test('gibberish is out of scope', () => {
    expect(intentOf('qwxz plorf')).toBe('out_of_scope');
  });

  test.each([
    'smartwtach eror 1002',
    'my smartwach shows eror 1002',
    'galaxy wacth keeps showing eror 1002',
  ])('a message with typos (%s) is still troubleshoot', (text) => {
    const u = core.understander.understand(text);
    expect(u.intent).toBe('troubleshoot');
    expect(u.entities.errorCode).toBe('1002');
  });

  test('confidence is within [0, 1] and the ranking is best first', () => {
    for (const text of ['is my fitbit still under warranty', 'where can i get my watch repaired', 'qwxz plorf', 'yes']) {
      const u = core.understander.understand(text);
      expect(u.confidence).toBeGreaterThanOrEqual(0);
      expect(u.confidence).toBeLessThanOrEqual(1);
      for (const r of u.ranking) {
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }
      const confidences = u.ranking.map((r) => r.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    }
  });
});

describe('IntentClassifier over the real training phrases', () => {
  const k = realKnowledge();
  const speller = new SpellingCorrector(k.intents.flatMap((i) => i.examples.flatMap((e) => words(e))));
  const classifier = IntentClassifier.train(k.intents, speller);

  test('confidences of a non-exact message cover every intent and sum to 1', () => {
    const ranking = classifier.classify('is my fitbit still under warranty');
    expect(ranking.length).toBe(k.intents.length);
    expect(new Set(ranking.map((r) => r.intent)).size).toBe(ranking.length);
    for (const r of ranking) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(ranking.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 6);
    expect(ranking[0].intent).toBe('warranty');
  });

  test('a message with no known word is out of scope with full confidence', () => {
    expect(classifier.classify('qwxz plorf')).toEqual([{ intent: 'out_of_scope', confidence: 1 }]);
  });

  test('a training phrase typed exactly is recognised without guessing', () => {
    const [top, ...rest] = classifier.classify('Start over!');
    expect(top.intent).toBe('cancel');
    expect(top.confidence).toBeGreaterThan(0.9);
    expect(rest).toHaveLength(0);
  });
});

describe('IntentClassifier from a tiny hand-made intent list', () => {
  const intents: IntentFile[] = [
    { intent: 'greeting', examples: ['hello there', 'good morning', 'hey', 'hiya friend'] },
    { intent: 'warranty', examples: ['is the gadget under guarantee', 'guarantee period for my gadget', 'how long is the guarantee', 'gadget guarantee still valid'] },
    { intent: 'repair', examples: ['mend my broken gadget', 'where to mend a gadget', 'gadget mending shop', 'who can mend it'] },
  ];
  const speller = new SpellingCorrector(intents.flatMap((i) => i.examples.flatMap((e) => words(e))));
  const classifier = IntentClassifier.train(intents, speller);

  test.each([
    ['does the guarantee still cover it', 'warranty'],
    ['someone to mend the gadget please', 'repair'],
    ['hello, good morning to you', 'greeting'],
  ])('"%s" → %s', (text, intent) => {
    const ranking = classifier.classify(text);
    expect(ranking[0].intent).toBe(intent);
    expect(ranking.map((r) => r.intent).sort()).toEqual(['greeting', 'repair', 'warranty']);
    expect(ranking.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 6);
  });

  test('corrects a typo towards the training vocabulary', () => {
    expect(classifier.classify('is it under guarantie')[0].intent).toBe('warranty');
  });

  test('an exact training phrase returns one confident intent', () => {
    expect(classifier.classify('Hiya, friend!')).toEqual([{ intent: 'greeting', confidence: 0.99 }]);
  });

  test('words never seen in training give out_of_scope, not the class prior', () => {
    expect(classifier.classify('zebra xylophone')).toEqual([{ intent: 'out_of_scope', confidence: 1 }]);
  });

  test('the logistic algorithm also ranks the obvious intent first', () => {
    const logistic = IntentClassifier.train(intents, speller, 'logistic');
    expect(logistic.classify('where can i mend my gadget')[0].intent).toBe('repair');
  });
});
