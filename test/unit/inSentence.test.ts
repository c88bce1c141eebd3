import { inSentence } from '../../src/replies/inSentence';

describe('inSentence', () => {
  test('list lines go into one sentence in lower case, split by semicolons', () => {
    expect(inSentence(['Your receipt', 'The serial number, if you have it'])).toBe('your receipt; the serial number, if you have it');
  });

  test('a one-letter first word is lower-cased too, except "I"', () => {
    expect(inSentence(['A short note of the problem', 'I restarted it'])).toBe('a short note of the problem; I restarted it');
  });

  test('names and abbreviations keep their capitals', () => {
    expect(inSentence(['NAS restarted', 'iPhone paired again', 'WD support called'])).toBe('NAS restarted; iPhone paired again; WD support called');
  });
});
