import { heardAnswer, heardAnswers, heardInFlows, heardTried } from '../../src/flow/heardAnswers';
import type { Flow } from '../../src/knowledge/schema';
import { Negations } from '../../src/nlu/negations';
import { realKnowledge } from '../helpers/testCore';

const flows = realKnowledge().flows;
const negations = new Negations(realKnowledge().negations);
const smartwatch = flows.find((f) => f.id === 'smartwatch-1002')!;
const nas = flows.find((f) => f.id === 'nas-1002')!;

describe('answers the first message already gives', () => {
  test.each([
    ['my fitbit wont turn on, error 1002', { 'powers-on': 'no' }],
    ['Error 1002 and my watch DIED overnight', { 'powers-on': 'no' }],
    ['error 1002, the watch died and it won\'t pair with my phone', { 'powers-on': 'no', connected: 'no' }],
    ['my galaxy watch keeps showing error 1002', {}],
  ])('smartwatch: "%s"', (message, expected) => {
    expect(heardAnswers(smartwatch, message, negations)).toEqual(expected);
  });

  test.each([
    ['wd my cloud error 1002, the date is wrong on it', { 'clock-correct': 'no' }],
    ['cloud access error 1002 and our internet is down', { 'other-devices-online': 'no' }],
    ['cloud access is disabled and I get 1002', { 'cloud-access-on': 'no' }],
  ])('NAS: "%s"', (message, expected) => {
    expect(heardAnswers(nas, message, negations)).toEqual(expected);
  });

  test('a phrase right after a negation is not heard', () => {
    expect(heardAnswers(smartwatch, 'it has not lost connection but shows error 1002', negations)).toEqual({});
    expect(heardAnswers(smartwatch, "it hasn't lost connection but shows error 1002", negations)).toEqual({});
    expect(heardAnswers(smartwatch, 'it lost connection and shows error 1002', negations)).toEqual({ connected: 'no' });
    expect(heardAnswers(smartwatch, "it's not charging", negations)).toEqual({ 'powers-on': 'no' });
    // Typed without the apostrophe, as people do on phones.
    expect(heardAnswers(smartwatch, 'it hasnt lost connection', negations)).toEqual({});
    expect(heardAnswers(smartwatch, 'it wasnt dead', negations)).toEqual({});
  });

  test('the negation words are data: without them the same phrase is heard', () => {
    expect(heardAnswers(smartwatch, "it hasn't lost connection", new Negations(['never']))).toEqual({ connected: 'no' });
  });

  const both: Flow = {
    ...smartwatch,
    diagnostics: [{
      id: 'lights', ask: 'ask.lights',
      answers: { yes: { prioritise: [], skip: [], heard: ['lights on'] }, no: { prioritise: [], skip: [], heard: ['lights off'] } },
    }],
  };

  test('a question with phrases of two answers in the message is left to ask', () => {
    expect(heardAnswers(both, 'the lights on the front go lights off and lights on', negations)).toEqual({});
    expect(heardAnswers(both, 'all the lights off', negations)).toEqual({ lights: 'no' });
  });

  test('one question\'s answer, from the message or its words', () => {
    const powersOn = smartwatch.diagnostics.find((d) => d.id === 'powers-on')!;
    expect(heardAnswer(powersOn.answers, 'the thing died overnight', negations)).toBe('no');
    expect(heardAnswer(powersOn.answers, ['it', 'is', 'not', 'dead'], negations)).toBeUndefined();
    expect(heardAnswer(powersOn.answers, 'yes it works', negations)).toBeUndefined();
  });

  test('only flows the message answers something of are listed', () => {
    expect(heardInFlows(flows, 'nas error 1002, wrong time on the box', negations)).toEqual({ 'nas-1002': { answers: { 'clock-correct': 'no' }, tried: [] } });
    expect(heardInFlows(flows, 'watch error 1002, i rebooted it', negations)).toEqual({ 'smartwatch-1002': { answers: {}, tried: ['restart'] } });
    expect(heardInFlows(flows, 'hello', negations)).toEqual({});
  });
});

describe('fixes the first message says were already done', () => {
  test.each([
    ["my galaxy watch says 1002, i've restarted it twice, re-paired it with my phone and updated the app", ['restart', 'bluetooth', 'update']],
    ['error 1002 even after i did a factory reset', ['factory-reset']],
    ['my watch shows error 1002', []],
  ])('smartwatch: "%s"', (message, expected) => {
    expect(heardTried(smartwatch, message, negations)).toEqual(expected);
  });

  test('NAS, and a fix after a negation is not taken as done', () => {
    expect(heardTried(nas, "error 1002, i haven't restarted the router yet but i set a static ip", negations)).toEqual(['static-ip']);
  });
});
