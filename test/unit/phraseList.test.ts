import { PhraseList } from '../../src/nlu/phraseList';

describe('PhraseList', () => {
  const list = new PhraseList(['ok', 'will do', "what's", 'whats', 'how do']);

  test('a message is on the list as typed, whatever its case and punctuation', () => {
    expect(list.matches('OK!')).toBe(true);
    expect(list.matches('Will do.')).toBe(true);
    expect(list.matches('okay')).toBe(false);
  });

  test('a phrase of two words or more counts inside a message; one word only on its own', () => {
    expect(list.matches('sure, will do in a sec')).toBe(true);
    expect(list.matches('ok it worked')).toBe(false);
  });

  test('begins: the message starts with a phrase, on whole words', () => {
    expect(list.begins("What's a forced restart?")).toBe(true);
    expect(list.begins('whats a forced restart')).toBe(true);
    expect(list.begins('How do I pair it')).toBe(true);
    expect(list.begins('however I do it, it fails')).toBe(false);
    expect(list.begins('tell me how do i pair it')).toBe(false);
  });

  test('is: the whole message; has: the cleaned-up phrase as it stands', () => {
    expect(list.is('Will do!')).toBe(true);
    expect(list.is('will do in a sec')).toBe(false);
    expect(list.has('will do')).toBe(true);
    expect(list.has('will')).toBe(false);
  });
});
