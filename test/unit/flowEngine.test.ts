import { FlowEngine, promptKey as describePrompt } from '../../src/flow/flowEngine';
import type { FlowState } from '../../src/flow/flowState';
import type { Flow } from '../../src/knowledge/schema';
import { realKnowledge } from '../helpers/testCore';

/** Answers each prompt in turn and records what was asked, ending with what comes next. */
function play(engine: FlowEngine, state: FlowState, answers: string[]): { asked: string[]; state: FlowState } {
  const asked: string[] = [];
  for (const answer of answers) {
    asked.push(describePrompt(engine.next(state)));
    state = engine.applyAnswer(state, answer).state;
  }
  asked.push(describePrompt(engine.next(state)));
  return { asked, state };
}

const tiny: Flow = {
  id: 'kettle-42',
  version: 1,
  product: 'kettle',
  errorCode: '042',
  title: 'Kettle error 42',
  intro: 'flow.kettle.intro',
  statusCheck: false,
  diagnostics: [
    { id: 'has-power', ask: 'ask.power', answers: { no: { prioritise: ['fuse'], skip: [], say: 'say.power', heard: ['no power', 'dead'] } } },
    { id: 'hard-water', ask: 'ask.water', answers: { no: { prioritise: [], skip: ['descale'], heard: [] } } },
  ],
  fixes: [
    { id: 'unplug', article: 'a-unplug', skipDuringOutage: false, tried: [] },
    { id: 'descale', article: 'a-descale', skipDuringOutage: false, tried: [] },
    { id: 'fuse', article: 'a-fuse', skipDuringOutage: false, tried: [] },
    { id: 'replace-element', article: 'a-element', confirm: 'confirm.element', skipDuringOutage: false, tried: [] },
  ],
  checklist: {},
};

describe('FlowEngine with a hand-made flow', () => {
  const engine = new FlowEngine(tiny);

  test('a new state starts with diagnostics (no status check) and nothing tried', () => {
    expect(engine.start()).toEqual({ flowId: 'kettle-42', version: 1, stage: 'diagnose', asked: [], prioritised: [], skipped: [], tried: {} });
  });

  test('diagnostics are asked in order, then fixes in their order', () => {
    const { asked } = play(engine, engine.start(), ['yes', 'yes', 'not_fixed', 'not_fixed']);
    expect(asked).toEqual(['diagnostic:has-power', 'diagnostic:hard-water', 'fix:unplug', 'fix:descale', 'fix:fuse']);
  });

  test('an answer that prioritises a fix moves it first, and its "say" is returned', () => {
    const s0 = engine.start();
    const r = engine.applyAnswer(s0, 'no');
    expect(r.say).toBe('say.power');
    const { asked } = play(engine, r.state, ['yes']);
    expect(asked).toEqual(['diagnostic:hard-water', 'fix:fuse']);
    expect(engine.remainingFixes(play(engine, r.state, ['yes']).state).map((f) => f.id)).toEqual(['fuse', 'unplug', 'descale', 'replace-element']);
  });

  test('an answer is applied only to the step it answers: a step gone from an edited flow is not confused with the next', () => {
    const { state } = play(engine, engine.start(), ['yes', 'yes']);
    const asked = { ...state, shown: describePrompt(engine.next(state)) };
    expect(asked.shown).toBe('fix:unplug');
    const edited = new FlowEngine({ ...tiny, fixes: tiny.fixes.filter((f) => f.id !== 'unplug') });

    const r = edited.applyAnswer(asked, 'not_fixed');

    expect(r.say).toBe('flow.updated');
    expect(r.state.tried).toEqual({});
    expect(describePrompt(edited.next(r.state))).toBe('fix:descale');
    // The same answer to the unchanged flow is recorded against the step shown.
    expect(engine.applyAnswer(asked, 'not_fixed').state.tried).toEqual({ unplug: 'not_fixed' });
  });

  test('an answer that skips a fix drops it', () => {
    const { state } = play(engine, engine.start(), ['yes', 'no']);
    expect(engine.remainingFixes(state).map((f) => f.id)).toEqual(['unplug', 'fuse', 'replace-element']);
  });

  test('an answer the diagnostic does not list changes nothing but marks it asked', () => {
    const r = engine.applyAnswer(engine.start(), 'unsure');
    expect(r.say).toBeUndefined();
    expect(r.state.asked).toEqual(['has-power']);
    expect(engine.remainingFixes(r.state).map((f) => f.id)).toEqual(['unplug', 'descale', 'fuse', 'replace-element']);
  });

  test('"already", "skip" and "not_fixed" each move on to the next fix and are recorded', () => {
    const { asked, state } = play(engine, engine.start(), ['yes', 'yes', 'already', 'skip', 'not_fixed']);
    expect(asked.slice(2)).toEqual(['fix:unplug', 'fix:descale', 'fix:fuse', 'confirm:replace-element']);
    expect(state.tried).toEqual({ unplug: 'already', descale: 'skipped', fuse: 'not_fixed' });
    expect(state.outcome).toBeUndefined();
  });

  test('"fixed" ends the flow as resolved', () => {
    const { asked, state } = play(engine, engine.start(), ['yes', 'yes', 'not_fixed', 'fixed']);
    expect(asked.at(-1)).toBe('end:resolved');
    expect(state).toMatchObject({ stage: 'done', outcome: 'resolved', tried: { unplug: 'not_fixed', descale: 'fixed' } });
  });

  test('a confirm step: "hold" declines the fix and moves on', () => {
    const { asked, state } = play(engine, engine.start(), ['yes', 'yes', 'not_fixed', 'not_fixed', 'not_fixed', 'hold']);
    expect(asked.slice(-2)).toEqual(['confirm:replace-element', 'end:exhausted']);
    expect(state.tried['replace-element']).toBe('declined');
  });

  test('a confirm step: "proceed" shows the fix, then its answer is recorded', () => {
    const { asked, state } = play(engine, engine.start(), ['yes', 'yes', 'not_fixed', 'not_fixed', 'not_fixed', 'proceed', 'fixed']);
    expect(asked.slice(-3)).toEqual(['confirm:replace-element', 'fix:replace-element', 'end:resolved']);
    expect(state.tried['replace-element']).toBe('fixed');
    expect(state.current).toBeUndefined();
  });

  test('when every fix fails the flow is exhausted', () => {
    const { asked, state } = play(engine, engine.start(), ['yes', 'yes', 'not_fixed', 'not_fixed', 'not_fixed', 'proceed', 'not_fixed']);
    expect(asked.at(-1)).toBe('end:exhausted');
    expect(Object.keys(state.tried).sort()).toEqual(['descale', 'fuse', 'replace-element', 'unplug']);
  });

  test('a fix tried earlier in the conversation is never offered, even when prioritised', () => {
    const state = engine.start({ fuse: 'not_fixed', unplug: 'already' });
    const { asked } = play(engine, state, ['no', 'yes', 'not_fixed']);
    expect(asked).toEqual(['diagnostic:has-power', 'diagnostic:hard-water', 'fix:descale', 'confirm:replace-element']);
  });

  test('start() ignores tried fixes the flow does not have', () => {
    expect(engine.start({ 'no-such-fix': 'fixed', fuse: 'skipped' }).tried).toEqual({ fuse: 'skipped' });
  });

  test('the state is plain JSON and survives a round trip', () => {
    const { state } = play(engine, engine.start(), ['no', 'yes', 'not_fixed']);
    const restored = JSON.parse(JSON.stringify(state)) as FlowState;
    expect(describePrompt(engine.next(restored))).toBe(describePrompt(engine.next(state)));
  });

  test('applyAnswer does not mutate the state it is given', () => {
    const state = engine.start();
    const copy = JSON.parse(JSON.stringify(state));
    engine.applyAnswer(state, 'no');
    expect(state).toEqual(copy);
  });

  test('answers heard in the first message are applied as if asked: the question is skipped, its say returned', () => {
    const { state, says } = engine.hear(engine.start(), { 'has-power': 'no' });
    expect(says).toEqual(['say.power']);
    expect(state.asked).toEqual(['has-power']);
    expect(play(engine, state, ['yes']).asked).toEqual(['diagnostic:hard-water', 'fix:fuse']);
  });

  test('unasked() lists the questions still to come, the next first; none during an outage', () => {
    expect(engine.unasked(engine.start()).map((d) => d.id)).toEqual(['has-power', 'hard-water']);
    const later = engine.hear(engine.start(), { 'hard-water': 'no' }).state;
    expect(engine.unasked(later).map((d) => d.id)).toEqual(['has-power']);
    expect(describePrompt(engine.next(later))).toBe('diagnostic:has-power');
    expect(engine.unasked({ ...engine.start(), outage: true })).toEqual([]);
  });

  test('answerAndHear applies the answer, then what the reply said of later questions; with no answer, the question stays', () => {
    const both = engine.answerAndHear(engine.start(), 'yes', { 'has-power': 'no', 'hard-water': 'no' });
    expect(both.says).toEqual([]);
    expect(both.state.asked).toEqual(['has-power', 'hard-water']);
    expect(both.state.skipped).toEqual(['descale']);
    expect(both.state.prioritised).toEqual([]);
    const laterOnly = engine.answerAndHear(engine.start(), undefined, { 'hard-water': 'no' });
    expect(laterOnly.state.asked).toEqual(['hard-water']);
    expect(describePrompt(engine.next(laterOnly.state))).toBe('diagnostic:has-power');
    const atAFix = play(engine, engine.start(), ['yes', 'yes']).state;
    expect(engine.answerAndHear(atAFix, 'not_fixed', { 'has-power': 'no' }).state.asked).toEqual(['has-power', 'hard-water']);
  });

  test('hearing nothing, or an answer the question does not list, asks as before', () => {
    expect(engine.hear(engine.start(), {})).toEqual({ state: engine.start(), says: [] });
    const { state, says } = engine.hear(engine.start(), { 'has-power': 'unsure' });
    expect(says).toEqual([]);
    expect(describePrompt(engine.next(state))).toBe('diagnostic:hard-water');
  });

  describe('a state saved against an older version of the flow', () => {
    test('a current fix that no longer exists is dropped and the next fix offered', () => {
      const stale: FlowState = {
        flowId: 'kettle-42', version: 0, stage: 'fixes', asked: ['has-power', 'hard-water'],
        prioritised: ['removed-fix'], skipped: ['also-removed'], tried: { unplug: 'not_fixed', 'old-fix': 'not_fixed' },
        current: { fixId: 'removed-fix', confirmed: true },
      };
      expect(() => engine.next(stale)).not.toThrow();
      expect(describePrompt(engine.next(stale))).toBe('fix:descale');
      const after = engine.applyAnswer(stale, 'not_fixed').state;
      expect(after.tried.descale).toBe('not_fixed');
      expect(after.current).toBeUndefined();
      expect(describePrompt(engine.next(after))).toBe('fix:fuse');
    });

    test('an answered diagnostic that was removed is ignored', () => {
      const stale: FlowState = { ...engine.start(), asked: ['removed-question'] };
      expect(describePrompt(engine.next(stale))).toBe('diagnostic:has-power');
    });
  });
});

describe('FlowEngine with the real smartwatch flow', () => {
  const flow = realKnowledge().flows.find((f) => f.id === 'smartwatch-1002')!;
  const engine = new FlowEngine(flow);
  const fixIds = flow.fixes.map((f) => f.id);

  test('asks its diagnostics in file order first', () => {
    const { asked } = play(engine, engine.start(), ['yes', 'yes']);
    expect(asked).toEqual([...flow.diagnostics.map((d) => `diagnostic:${d.id}`), `fix:${fixIds[0]}`]);
  });

  test('a watch that does not power on starts with the battery fix', () => {
    const { asked } = play(engine, engine.start(), ['no', 'yes']);
    expect(asked.at(-1)).toBe('fix:battery');
  });

  test('the factory reset comes last and asks for confirmation', () => {
    const answers = ['yes', 'yes', ...fixIds.slice(0, -1).map(() => 'not_fixed')];
    const { asked } = play(engine, engine.start(), answers);
    expect(asked.at(-1)).toBe('confirm:factory-reset');
  });

  test('"hold" at the factory reset ends exhausted without it', () => {
    const answers = ['yes', 'yes', ...fixIds.slice(0, -1).map(() => 'not_fixed'), 'hold'];
    const { asked, state } = play(engine, engine.start(), answers);
    expect(asked.at(-1)).toBe('end:exhausted');
    expect(state.tried['factory-reset']).toBe('declined');
  });

  test('fixes tried before the flow started are never offered', () => {
    const tried = { restart: 'not_fixed', bluetooth: 'already' } as const;
    const answers = ['yes', 'no', ...Array(fixIds.length - 3).fill('not_fixed')];
    const { asked } = play(engine, engine.start(tried), answers);
    expect(asked.some((a) => a === 'fix:restart' || a === 'fix:bluetooth')).toBe(false);
    expect(asked.at(-1)).toBe('confirm:factory-reset');
  });
});

describe('FlowEngine with the real NAS flow (status check)', () => {
  const flow = realKnowledge().flows.find((f) => f.id === 'nas-1002')!;
  const engine = new FlowEngine(flow);

  test('starts by asking for the cloud status', () => {
    expect(engine.next(engine.start())).toEqual({ type: 'status' });
  });

  test('a wrong clock heard in the first message skips that question but not the status check before it', () => {
    const { state, says } = engine.hear(engine.start(), { 'clock-correct': 'no' });
    expect(says).toEqual(['flow.nas.say_clock']);
    expect(engine.next(state)).toEqual({ type: 'status' });
    const up = engine.applyStatus(state, 'up');
    expect(play(engine, up, ['yes', 'yes', 'yes']).asked).toEqual([
      'diagnostic:other-devices-online', 'diagnostic:local-dashboard', 'diagnostic:cloud-access-on', 'fix:date-time',
    ]);
  });

  test('an outage ends with outcome "outage" when every fix is skipped during outages', () => {
    expect(flow.fixes.every((f) => f.skipDuringOutage)).toBe(true);
    const state = engine.applyStatus(engine.start(), 'outage');
    expect(engine.next(state)).toEqual({ type: 'end', outcome: 'outage' });
  });

  test('an unknown status asks about the status page; an outage seen there ends the flow', () => {
    const unknown = engine.applyStatus(engine.start(), 'unknown');
    expect(engine.next(unknown)).toEqual({ type: 'status_page' });
    const { asked } = play(engine, unknown, ['outage']);
    expect(asked).toEqual(['status_page', 'end:outage']);
  });

  test('a "yes" stored before the status answers had their own ids still means an outage', () => {
    const { asked } = play(engine, engine.applyStatus(engine.start(), 'unknown'), ['yes']);
    expect(asked).toEqual(['status_page', 'end:outage']);
  });

  test('an unknown status and an all-clear on the status page carries on with diagnostics', () => {
    const { asked } = play(engine, engine.applyStatus(engine.start(), 'unknown'), ['all_clear']);
    expect(asked).toEqual(['status_page', `diagnostic:${flow.diagnostics[0].id}`]);
  });

  test('status up: diagnostics, where a wrong clock puts the date-time fix first', () => {
    const up = engine.applyStatus(engine.start(), 'up');
    const { asked } = play(engine, up, ['yes', 'yes', 'no', 'yes']);
    expect(asked).toEqual(flow.diagnostics.map((d) => `diagnostic:${d.id}`).concat('fix:date-time'));
  });

  test('a correct clock skips the date-time fix', () => {
    const up = engine.applyStatus(engine.start(), 'up');
    const { state } = play(engine, up, ['yes', 'yes', 'yes', 'yes']);
    expect(engine.remainingFixes(state).map((f) => f.id)).not.toContain('date-time');
    expect(engine.remainingFixes(state)).toHaveLength(flow.fixes.length - 1);
  });

  test('an outage with a fix that is not skipped during outages still offers that fix', () => {
    const edited = new FlowEngine({ ...flow, fixes: flow.fixes.map((f, i) => (i === 1 ? { ...f, skipDuringOutage: false } : f)) });
    const state = edited.applyStatus(edited.start(), 'outage');
    expect(describePrompt(edited.next(state))).toBe(`fix:${flow.fixes[1].id}`);
    const after = edited.applyAnswer(state, 'not_fixed').state;
    expect(edited.next(after)).toEqual({ type: 'end', outcome: 'outage' });
  });
});
