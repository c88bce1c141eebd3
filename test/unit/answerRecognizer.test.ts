import { AnswerRecognizer } from '../../src/flow/answerRecognizer';
import { ANSWERS } from '../../src/flow/flowEngine';
import { Negations } from '../../src/nlu/negations';
import type { Understanding } from '../../src/nlu/understand';
import { realKnowledge, testCore } from '../helpers/testCore';

const understanding = (intent: Understanding['intent'], confidence = 0.9): Understanding =>
  ({ text: '', intent, confidence, ranking: [{ intent, confidence }], entities: {}, clarify: false });

describe('AnswerRecognizer with the real answers.yaml', () => {
  const answers = new AnswerRecognizer(realKnowledge().answers, new Negations(realKnowledge().negations));
  const fix = ANSWERS.fix;
  const yesNo = ANSWERS.diagnostic;

  test.each([
    ['1', 'fixed'], ['2', 'not_fixed'], ['3', 'skip'], ['4', 'already'],
    ['option 2', 'not_fixed'], ['2)', 'not_fixed'], ['second', 'not_fixed'], ['#3', 'skip'],
  ])('"%s" picks by position → %s', (text, expected) => {
    expect(answers.recognise(text, fix)).toBe(expected);
  });

  test('a number beyond the choices is not an answer', () => {
    expect(answers.recognise('7', fix)).toBeUndefined();
  });

  test.each([
    ['still broken', 'not_fixed'],
    ['Still broken.', 'not_fixed'],
    ['fixed it', 'fixed'],
    ['Fixed it!', 'fixed'],
    ['i already did that', 'already'],
    ['skip', 'skip'],
    ['nope, still broken', 'not_fixed'],
    ['ok i tried that already', 'already'],
    ['it works now thanks', 'fixed'],
    ['not fixed', 'not_fixed'],
  ])('"%s" for a fix question → %s', (text, expected) => {
    expect(answers.recognise(text, fix)).toBe(expected);
  });

  // Regression test for a bug the first version had.
  test('"i don\'t think it\'s fixed" is not taken as fixed', () => {
    expect(answers.recognise("i don't think it's fixed", fix)).not.toBe('fixed');
    expect(answers.recognise('it hasnt fixed it', fix)).not.toBe('fixed');
  });

  test.each(['dunno', 'no clue', "i can't tell", 'hard to say'])('"%s" to a yes/no question → unsure', (text) => {
    expect(answers.recognise(text, yesNo)).toBe('unsure');
  });

  // "Does the status page show a problem?": yes is bad news, so what sounds positive means all clear.
  test.each([
    ['yes', 'outage'], ['yeah', 'outage'], ['it shows an outage', 'outage'], ['yes, under maintenance', 'outage'],
    ['no', 'all_clear'], ['looks fine', 'all_clear'], ['all green', 'all_clear'], ['no problems on the status page', 'all_clear'],
    ["there's no outage", 'all_clear'], ['it says all systems operational', 'all_clear'], ['not sure', 'unsure'],
  ])('"%s" to the status page question → %s', (text, expected) => {
    expect(answers.recognise(text, ANSWERS.status_page)).toBe(expected);
  });

  test('a positive-sounding reply is not a yes to the status page question, and a negated all-clear is no all-clear', () => {
    expect(answers.recognise('everything else at home is online', ANSWERS.status_page, understanding('affirm'))).toBeUndefined();
    expect(answers.recognise('it is not operational', ANSWERS.status_page)).toBeUndefined();
  });

  test('a tapped button\'s answer id is accepted as it is', () => {
    expect(answers.recognise('not_fixed', fix)).toBe('not_fixed');
    expect(answers.recognise('unsure', yesNo)).toBe('unsure');
  });

  test('an answer the question does not offer is not returned', () => {
    expect(answers.recognise('reset it', fix)).toBeUndefined();
    expect(answers.recognise('still broken', yesNo)).toBeUndefined();
  });

  test.each(['yes', 'yep'])('"%s" to a fix question with an affirm understanding → fixed', (text) => {
    expect(answers.recognise(text, fix, understanding('affirm'))).toBe('fixed');
  });

  test('"no" to a fix question with a deny understanding → not_fixed; to the reset confirmation → hold', () => {
    expect(answers.recognise('no', fix, understanding('deny'))).toBe('not_fixed');
    expect(answers.recognise('no', ANSWERS.confirm, understanding('deny'))).toBe('hold');
  });

  test('"ok" to "Did that fix it?" only acknowledges it: not fixed, though a yes is', () => {
    const core = testCore();
    const said = (text: string) => core.answers.recognise(text, fix, core.understander.understand(text));
    expect(said('ok')).toBeUndefined();
    expect(said('okay')).toBeUndefined();
    expect(said('ok i\'ll try')).toBeUndefined();
    expect(core.answers.isAcknowledgement('OK!')).toBe(true);
    expect(core.answers.isAcknowledgement("it's doing the update now, hang on")).toBe(true);
    expect(core.answers.isAcknowledgement('ok it worked')).toBe(false);
    expect(said('yes')).toBe('fixed');
    expect(said('done, restarted')).toBeUndefined();
    expect(said('ok restarting it now')).toBeUndefined();
    expect(said('yeah that did it')).toBe('fixed');
    expect(said('it went away')).toBe('fixed');
    expect(said('i think so')).toBe('fixed');
    // To a yes/no question "ok" is still a yes.
    expect(core.answers.recognise('ok', yesNo, core.understander.understand('ok'))).toBe('yes');
  });

  test('a plain answer inside a message naming a brand must be said outright: "it is a fitbit" is not a yes', () => {
    const core = testCore();
    const said = (text: string) => core.answers.recognise(text, yesNo, core.understander.understand(text));
    expect(said('it is a fitbit charge 6')).toBeUndefined();
    expect(said('yes')).toBe('yes');
    expect(said('it is')).toBe('yes');
  });

  test('the words and the intent are read apart: a deny is a no by intent only, "nope" by its words', () => {
    expect(answers.recogniseWords('the date is wrong', yesNo, understanding('deny'))).toBeUndefined();
    expect(answers.recogniseIntent('the date is wrong', yesNo, understanding('deny'))).toBe('no');
    expect(answers.recogniseWords('nope', yesNo)).toBe('no');
    expect(answers.recogniseIntent('nope', yesNo, undefined)).toBeUndefined();
  });

  test('a long reply is read by its opening clause: "yes they can, but…" is a yes; with no clause short enough, it is not', () => {
    expect(answers.recognise('yes they can, but the clock on the nas is wrong and says 2019', yesNo)).toBe('yes');
    expect(answers.recognise('still broken. i tried restarting the router twice and nothing changed', fix)).toBe('not_fixed');
    expect(answers.recognise('no, and the app says disconnected', yesNo)).toBe('no');
    expect(answers.recognise('no problem, the app says disconnected', yesNo)).toBeUndefined();
    expect(answers.recognise('i looked at it for a long time and i think yes it does', yesNo)).toBeUndefined();
    expect(answers.recognise("i don't think it's fixed, the error came back after an hour or so", fix)).toBeUndefined();
  });

  test('a low-confidence affirm is not taken as an answer', () => {
    expect(answers.recognise('mhm ok whatever', fix, understanding('affirm', 0.3))).toBeUndefined();
  });

  test('yes/no words answer a yes/no question directly', () => {
    expect(answers.recognise('yep', yesNo)).toBe('yes');
    expect(answers.recognise('Nope', yesNo)).toBe('no');
    expect(answers.recognise("I don't know", yesNo)).toBe('unsure');
  });

  test('"👍" means yes and "👎" means no', () => {
    expect(answers.recognise('👍', yesNo)).toBe('yes');
    expect(answers.recognise('👎', yesNo)).toBe('no');
  });

  test.each(['my cat is hungry', 'what is the capital of peru', ''])('unrelated text (%j) is no answer', (text) => {
    expect(answers.recognise(text, fix)).toBeUndefined();
    expect(answers.recognise(text, yesNo)).toBeUndefined();
  });

  test('unrelated text with a non-yes/no understanding is no answer', () => {
    expect(answers.recognise('where can i get it repaired', fix, understanding('repair'))).toBeUndefined();
  });

  test('label() gives the answer\'s label and falls back to the id', () => {
    expect(answers.label('not_fixed')).toBe(realKnowledge().answers.not_fixed.label);
    expect(answers.label('no-such-answer')).toBe('no-such-answer');
  });

  test('"done" to "Did that fix it?" says the step was done, not how it went', () => {
    const core = testCore();
    const said = (text: string) => core.answers.recognise(text, fix, core.understander.understand(text));
    for (const text of ['done', 'Done.', 'ok done', 'i did it', 'restarted it']) {
      expect(said(text)).toBeUndefined();
      expect(core.answers.isStepDone(text)).toBe(true);
    }
    expect(core.answers.isStepDone('i did that just now')).toBe(true);
    expect(core.answers.isStepDone('did it reset my data?')).toBe(false);
    // What it holds besides says how it went, and that wins.
    expect(said('done, it worked')).toBe('fixed');
    expect(said('done and still broken')).toBe('not_fixed');
    expect(said('i did that already')).toBe('already');
    expect(core.answers.isStepDone('ok')).toBe(false);
    expect(core.answers.isStepDone('it is not done yet')).toBe(false);
  });

  test('with the real understander: "yes" to a fix question means fixed', () => {
    const core = testCore();
    expect(core.answers.recognise('yes', fix, core.understander.understand('yes'))).toBe('fixed');
    expect(core.answers.recognise('yeah', fix, core.understander.understand('yeah'))).toBe('fixed');
  });
});

describe('AnswerRecognizer with hand-made answers', () => {
  const answers = new AnswerRecognizer({
    red: { label: 'Red', synonyms: ['crimson', 'scarlet red'] },
    blue: { label: 'Blue', synonyms: ['navy', 'sky blue'] },
  }, new Negations(['not']));

  test('matches labels and synonyms, longest phrase first', () => {
    expect(answers.recognise('crimson', ['red', 'blue'])).toBe('red');
    expect(answers.recognise('it is sky blue i think', ['red', 'blue'])).toBe('blue');
    expect(answers.recognise('RED', ['red', 'blue'])).toBe('red');
  });

  test('position counts in the allowed order, not the file order', () => {
    expect(answers.recognise('1', ['blue', 'red'])).toBe('blue');
  });
});
