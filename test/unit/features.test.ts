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
});
