import { EntityExtractor } from '../../src/nlu/entityExtractor';
import { findErrorCode } from '../../src/nlu/errorCode';
import { SpellingCorrector } from '../../src/nlu/spelling';
import type { Catalogue } from '../../src/knowledge/schema';
import { testCore } from '../helpers/testCore';

describe('EntityExtractor with the real catalogue', () => {
  const core = testCore();
  const extract = (text: string) => core.understander.understand(text).entities;

  test.each([
    ['my Galaxy Watch shows error 1002', { product: 'smartwatch', brand: 'samsung', errorCode: '1002' }],
    ['my Fitbit will not sync', { product: 'smartwatch', brand: 'fitbit' }],
    ['My Cloud says I cannot connect', { product: 'nas', brand: 'wd' }],
    ['my network drive is offline', { product: 'nas' }],
    ['my smartwtach is broken', { product: 'smartwatch' }],
    ['the smartwach keeps restarting', { product: 'smartwatch' }],
    ['my Synology DiskStation lost cloud access', { product: 'nas', brand: 'synology' }],
    ['apple watch ultra', { product: 'smartwatch', brand: 'apple' }],
    ['Garmin Forerunner', { product: 'smartwatch', brand: 'garmin' }],
  ])('"%s" → %o', (text, expected) => {
    expect(extract(text)).toEqual(expected);
  });

  test('a product word plus a brand named separately gives both', () => {
    expect(extract('my samsung smartwatch')).toEqual({ product: 'smartwatch', brand: 'samsung' });
  });

  test('a message naming no device has no product or brand', () => {
    expect(extract('it stopped working yesterday')).toEqual({});
  });

  test('a possessive names the device: "my car\'s bluetooth" is the car, "the watch\'s screen" the watch', () => {
    expect(extract("my car's bluetooth won't connect")).toMatchObject({ unsupported: 'car' });
    expect(extract("the watch's screen froze")).toEqual({ product: 'smartwatch' });
  });

  test('aliases match whole words only ("nasty" is not a NAS)', () => {
    expect(extract('a nasty problem')).toEqual({});
  });
});

// The companion devices of the hand-made kettle catalogues below.
const KETTLE_COMPANIONS: Catalogue['companionDevices'] = {
  names: ['tap', 'smart plug'], notDevices: ['tap water', 'new tap'],
  linkWords: ['with', 'w', 'to', 'from', 'and', 'into'], linkFillers: ['my', 'the', 'home'],
};

describe('EntityExtractor with a hand-made catalogue', () => {
  const catalogue: Catalogue = {
    defaultErrorCode: '042',
    products: [{ id: 'kettle', name: 'Kettle', aliases: ['kettle', 'water boiler'] }],
    brands: [
      { id: 'acme', name: 'Acme', product: 'kettle', aliases: ['acme', 'acme boil pro'] },
    ],
    unsupportedDevices: ['toaster', 'coffee machine', 'tea kettle'],
    companionDevices: KETTLE_COMPANIONS,
  };
  const extractor = new EntityExtractor(catalogue, new Set(['4031']), new SpellingCorrector(['kettle', 'acme', 'boil', 'water', 'boiler']));

  test('the longest alias wins and gives the brand', () => {
    expect(extractor.extract('my ACME Boil Pro shows code 4031')).toEqual({ product: 'kettle', brand: 'acme', errorCode: '4031' });
  });

  test('a typo in a product word is corrected', () => {
    expect(extractor.extract('the ketle is broken')).toEqual({ product: 'kettle' });
  });

  test('a device the catalogue lists as unsupported is named as such, whole words only', () => {
    expect(extractor.extract('my coffee machine shows code 4031')).toEqual({ unsupported: 'coffee machine', errorCode: '4031' });
    expect(extractor.extract('two toasters')).toEqual({});
  });

  test('an unsupported device that contains a product word is not that product ("tea kettle")', () => {
    expect(extractor.extract('my tea kettle is broken')).toEqual({ unsupported: 'tea kettle' });
    expect(extractor.extract('the kettle is next to the toaster')).toEqual({ product: 'kettle', unsupported: 'toaster' });
  });
});

describe('companion devices: what the message is about, or the other end', () => {
  const catalogue: Catalogue = {
    defaultErrorCode: '042',
    products: [{ id: 'kettle', name: 'Kettle', aliases: ['kettle'] }],
    brands: [],
    unsupportedDevices: [],
    companionDevices: KETTLE_COMPANIONS,
  };
  const extractor = new EntityExtractor(catalogue, new Set(), new SpellingCorrector(['kettle']));

  test.each([
    ['my tap is dripping', 'tap'],
    ['the smart plug keeps clicking', 'smart plug'],
    ['help my tap wont turn off', 'tap'],
    ['how to keep my tap from dripping', 'tap'],
  ])('"%s": the companion is the subject', (text, companion) => {
    expect(extractor.extract(text).companion).toBe(companion);
  });

  test.each([
    'kettle wont fill from the tap',
    'kettle will not pair w my smart plug',
    'kettle is plugged into my smart plug',
    'kettle wont talk to my home smart plug',
    'is tap water ok',
    'since i got a new tap it boils slowly',
  ])('"%s": the companion is the other end, or not the device', (text) => {
    expect(extractor.extract(text).companion).toBeUndefined();
  });

  // The link words are the catalogue's: a support lead adds one without touching code.
  test('a link word added to the catalogue makes the companion the other end', () => {
    const text = 'kettle switches off using my smart plug';
    expect(extractor.extract(text).companion).toBe('smart plug');
    const links = catalogue.companionDevices;
    const withUsing = new EntityExtractor({ ...catalogue, companionDevices: { ...links, linkWords: [...links.linkWords, 'using'] } }, new Set(), new SpellingCorrector(['kettle']));
    expect(withUsing.extract(text).companion).toBeUndefined();
  });

  test('a lone brand word just before another device is that device\'s brand', () => {
    const branded = new EntityExtractor({ ...catalogue, brands: [{ id: 'acme', name: 'Acme', product: 'kettle', aliases: ['acme'] }], unsupportedDevices: ['toaster'] },
      new Set(), new SpellingCorrector(['kettle', 'acme']));
    expect(branded.extract('my acme smart plug is dead')).toEqual({ companion: 'smart plug' });
    expect(branded.extract('acme toaster is broken')).toEqual({ unsupported: 'toaster' });
    expect(branded.extract('my acme wont pair with my smart plug')).toEqual({ product: 'kettle', brand: 'acme' });
    expect(branded.extract('acme and smart plug both dead')).toMatchObject({ product: 'kettle', brand: 'acme' });
  });

  test('a second mention can be the subject when the first is the other end', () => {
    expect(extractor.extract('filled it from the tap but now my tap leaks').companion).toBe('tap');
  });
});

describe('findErrorCode', () => {
  const known = new Set(['1002']);

  test.each([
    'error 1002', 'code 1002', 'err 1002', 'err1002', 'e1002', 'Error: 1002', 'it says ERROR-1002',
    'it shows one thousand two', 'one zero zero two', 'ten oh two', 'my watch shows 1002',
  ])('"%s" → 1002', (text) => {
    expect(findErrorCode(text, known)).toBe('1002');
  });

  test.each([
    'I bought it in 2024',
    'I have 3 watches',
    'I bought two watches in twenty twenty four',
    'it happened 12 times',
    'my phone number ends 1234',
  ])('"%s" has no error code', (text) => {
    expect(findErrorCode(text, known)).toBeUndefined();
  });

  test('an unknown code after a code word is still found', () => {
    expect(findErrorCode('now it says error 4031', known)).toBe('4031');
    expect(findErrorCode('fault 503 on the screen', known)).toBe('503');
  });

  test('a spelled-out unknown code after a code word is found', () => {
    expect(findErrorCode('error four oh three one', known)).toBe('4031');
  });
});
