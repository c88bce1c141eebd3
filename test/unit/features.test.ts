import { features } from '../../src/nlu/features';

describe('features: the tokens the classifier sees', () => {
  test.each([
    ['err1002', ['err', '#code']],
    ['e1002', ['e', '#code']],
    ['code1002 again', ['code', '#code', 'again']],
    ['error 1002', ['error', '#code']],
  ])('"%s" reads the code apart from the word glued to it: %o', (text, tokens) => {
    expect(features(text)).toEqual(tokens);
  });

  test('model numbers and years are not codes', () => {
    expect(features('ds220 bought 2024')).toEqual(['ds220', 'bought', '#num']);
  });

  test.each(['hmm', 'hmmmm', 'erm', 'ummm'])('a lone filler "%s" gives nothing to classify (not a confident yes or no)', (text) => {
    expect(features(text)).toEqual([]);
  });

  test.each([
    ['👍', 'yes'],
    ['👍🏽 done', 'yes done'],
    ['👎', 'no'],
    ['👋 morning', 'hi morning'],
  ])('an emoji that stands for a word reads as the word: "%s" as "%s"', (text, same) => {
    expect(features(text)).toEqual(features(same));
    expect(features(text)).not.toEqual([]);
  });

  test('a filler next to an answer leaves the answer', () => {
    expect(features('hmm no')).toEqual(['no']);
  });
});
