import { createRedactor } from '../../src/privacy/redact';
import { rememberClean } from '../../src/privacy/rememberClean';

// The bench found the transcript's redaction of the bot's own replies to be a large share of a
// turn; rememberClean skips texts already found clean, and must never change what is redacted.

describe('redaction that remembers clean texts', () => {
  const counting = () => {
    const redact = createRedactor();
    const calls: string[] = [];
    return { calls, redact: (text: string) => (calls.push(text), redact(text)) };
  };

  test('gives exactly what the redactor gives', () => {
    const plain = createRedactor();
    const remembering = rememberClean(createRedactor());
    const texts = ['Restart the watch', 'mail me at ann@example.com', 'serial WX12A3456789', 'Restart the watch', 'call +44 7700 900123'];
    expect(texts.map(remembering)).toEqual(texts.map(plain));
  });

  test('a clean text is redacted once; a text with personal data every time, as it is never kept', () => {
    const { calls, redact } = counting();
    const remembering = rememberClean(redact);
    for (let i = 0; i < 3; i++) {
      expect(remembering('Did that fix it?')).toBe('Did that fix it?');
      expect(remembering('my e-mail is ann@example.com')).toBe('my e-mail is [email]');
    }
    expect(calls.filter((t) => t === 'Did that fix it?')).toHaveLength(1);
    expect(calls.filter((t) => t.includes('@'))).toHaveLength(3);
  });

  test('when full it starts again, so it stays bounded', () => {
    const { calls, redact } = counting();
    const remembering = rememberClean(redact, 2);
    ['a', 'b', 'c', 'a'].forEach(remembering);
    // "c" found it full: it forgot "a" and "b", so "a" is redacted again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
