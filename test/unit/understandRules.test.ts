import type { IntentName } from '../../src/knowledge/schema';
import { EntityExtractor } from '../../src/nlu/entityExtractor';
import type { IntentClassifier } from '../../src/nlu/intentClassifier';
import { SpellingCorrector } from '../../src/nlu/spelling';
import { Understander } from '../../src/nlu/understand';
import { realKnowledge, testCore } from '../helpers/testCore';

// The rules around the classifier, with the real knowledge.
describe('Understander rules', () => {
  const core = testCore();
  const understand = (text: string) => core.understander.understand(text);

  test.each([
    ['my printer shows error 1002', 'printer'],
    ['my samsung tv says 1002', 'tv'],
    ['my tv says 1002 when i open the guide', 'tv'],
    ['steam keeps saying error 1002 on my laptop', 'steam'],
    ['paypal error 1002 at checkout', 'paypal'],
    ['replace the battery in my quartz watch', 'quartz watch'],
  ])('"%s" names a device the bot does not support, so it is out of scope', (text, device) => {
    const u = understand(text);
    expect(u.entities.unsupported).toBe(device);
    expect(u.entities.product).toBeUndefined();
    expect(u.intent).toBe('out_of_scope');
  });

  test.each([
    'my laptop wont charge',
    'update my iphone software',
    'my phone keeps restarting',
    'my samsung phone wont charge',
  ])('"%s": a phone or laptop that is itself the trouble is out of scope', (text) => {
    const u = understand(text);
    expect(u.entities.companion).toBeDefined();
    expect(u.intent).toBe('out_of_scope');
  });

  test.each([
    ['my watch wont sync with my phone', 'troubleshoot'],
    ['cant reach my cloud from my laptop', 'troubleshoot'],
    ['my phone says error 1002', 'troubleshoot'],
    ['whats your phone number', 'contact_support'],
  ])('"%s" stays in scope: the phone or laptop is the other end, named with a device or code, or not a device', (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });

  test('asking for a person about a device or service the bot does not support is out of scope; about its own, it is not', () => {
    const understander = understanderHearing('contact_support', 0.9);
    expect(understander.understand('paypal support phone number').intent).toBe('out_of_scope');
    expect(understander.understand('talk to a person about my printer').intent).toBe('out_of_scope');
    expect(understander.understand('talk to a person about my galaxy watch').intent).toBe('contact_support');
    expect(understander.understand('my printer and my galaxy watch both say 1002, get me a person').intent).toBe('contact_support');
  });

  test('an unsure yes or no that names only a device the bot does not support is a report about it; a sure one stays a reply', () => {
    expect(understanderHearing('deny', 0.45).understand('my kettle is broken').intent).toBe('out_of_scope');
    expect(understanderHearing('affirm', 0.4).understand('yeah the fridge again').intent).toBe('out_of_scope');
    expect(understanderHearing('deny', 0.9).understand('no, the printer is fine').intent).toBe('deny');
    expect(understanderHearing('deny', 0.45).understand('my galaxy watch is broken').intent).toBe('deny');
    expect(understand('my fridge is broken').intent).toBe('out_of_scope');
  });

  test('the bot\'s own code makes a problem report unless the classifier is sure it is about something else', () => {
    const understander = (confidence: number) => understanderHearing('out_of_scope', confidence);
    expect(understander(0.3).understand('getting 1002 again').intent).toBe('troubleshoot');
    expect(understander(0.3).understand('my galaxy watch says 1002').intent).toBe('troubleshoot');
    expect(understander(0.9).understand('netflix error 1002').intent).toBe('out_of_scope');
    expect(understander(0.9).understand('my galaxy watch says 1002').intent).toBe('troubleshoot');
    expect(understander(0.3).understand('error 500 on our checkout page').intent).toBe('out_of_scope');
  });

  test('the bot\'s own code is a problem report even when the words lean off-topic, unless clearly about something else', () => {
    expect(understand('something says error 1002, what now').intent).toBe('troubleshoot');
    expect(understand('is 1002 a prime number').intent).toBe('out_of_scope');
  });

  test('a foreign code on a supported device is still a problem report', () => {
    const u = understand('my galaxy watch shows error 4031');
    expect(u.entities.errorCode).toBe('4031');
    expect(u.intent).toBe('troubleshoot');
  });

  test('a short reply keeps its intent when it mentions the code ("nope still 1002")', () => {
    expect(understand('nope still 1002').intent).toBe('deny');
  });

  test.each([
    ['port forwarding is set up but remote access still fails', 'nas'],
    ['the strap rubs and the pairing keeps dropping', 'smartwatch'],
  ])('"%s" implies the %s without naming it', (text, product) => {
    const u = understand(text);
    expect(u.entities.product).toBeUndefined();
    expect(u.entities.impliedProduct).toBe(product);
  });

  test.each([
    'something says error 1002, what now',
    'my thing is broken, help',
  ])('"%s" implies no device: everyday words in one article\'s symptoms are not a product\'s', (text) => {
    expect(understand(text).entities.impliedProduct).toBeUndefined();
  });

  test('clarifies when the best two device intents are within the margin, not otherwise', () => {
    const text = 'my watch broke, where can i get it fixed under warranty';
    const close = core.understander.understand(text, { threshold: 0.5, clarifyMargin: 1 });
    expect(close.ranking.slice(0, 2).map((r) => r.intent).sort()).toEqual(['repair', 'warranty']);
    expect(close.clarify).toBe(true);
    expect(core.understander.understand(text, { threshold: 0, clarifyMargin: 0 }).clarify).toBe(false);
    expect(core.understander.understand('thanks', { threshold: 0.5, clarifyMargin: 1 }).clarify).toBe(false);
  });
});

/** The rules over the real catalogue, around a classifier that always answers `intent` with `confidence`. */
function understanderHearing(intent: IntentName, confidence: number): Understander {
  const speller = new SpellingCorrector([]);
  const classifier = { classifyFeatures: () => [{ intent, confidence }] } as unknown as IntentClassifier;
  return new Understander(classifier, new EntityExtractor(realKnowledge().catalogue, new Set(['1002']), speller), new Set(), speller,
    { threshold: 0.5, clarifyMargin: 0.1 });
}
