import { FlowEngine } from '../../src/flow/flowEngine';
import { orderFixes, type FixTally } from '../../src/flow/fixOrder';
import { flowSchema, type Flow } from '../../src/knowledge/schema';

// A hand-made flow: a cheap pinned first step, three ordinary fixes, then two that lose data.
const flow: Flow = flowSchema.parse({
  id: 'kettle-42',
  version: 1,
  product: 'kettle',
  errorCode: '042',
  title: 'Kettle error 42',
  intro: 'flow.kettle.intro',
  diagnostics: [{ id: 'has-power', ask: 'ask.power', answers: { no: { prioritise: ['fuse'] } } }],
  fixOrder: { by: 'success_rate', minAttempts: 10 },
  fixes: [
    { id: 'unplug', article: 'a-unplug', pinned: true },
    { id: 'descale', article: 'a-descale' },
    { id: 'fuse', article: 'a-fuse' },
    { id: 'filter', article: 'a-filter' },
    { id: 'reset', article: 'a-reset', confirm: 'confirm.reset' },
    { id: 'element', article: 'a-element', confirm: 'confirm.element' },
  ],
});

/** Tallies from "id tried/fixed" strings, e.g. "fuse 20/15". */
function rates(...specs: string[]): Map<string, FixTally> {
  return new Map(specs.map((s) => {
    const [, id, tried, fixed] = /^(\S+) (\d+)\/(\d+)$/.exec(s)!;
    return [id, { tried: Number(tried), fixed: Number(fixed) }];
  }));
}

const order = (f: Flow, r: Map<string, FixTally>) => orderFixes(f, r).map((x) => x.id);
const FILE_ORDER = ['unplug', 'descale', 'fuse', 'filter', 'reset', 'element'];

describe('orderFixes: measured success rates reorder a flow that opts in', () => {
  test('the schema fills in minAttempts 20 when the flow leaves it out', () => {
    const parsed = flowSchema.parse({ ...flow, fixOrder: { by: 'success_rate' } });
    expect(parsed.fixOrder).toEqual({ by: 'success_rate', minAttempts: 20 });
  });

  test('better fixes come first: filter 15/20 (0.75), fuse 10/20 (0.5), descale 2/20 (0.1)', () => {
    expect(order(flow, rates('descale 20/2', 'fuse 20/10', 'filter 20/15'))).toEqual(['unplug', 'filter', 'fuse', 'descale', 'reset', 'element']);
  });

  test('a flow without fixOrder keeps the file order whatever the numbers', () => {
    const { fixOrder: _off, ...plain } = flow;
    expect(order(plain as Flow, rates('descale 20/2', 'fuse 20/10', 'filter 20/15'))).toEqual(FILE_ORDER);
  });

  test('a pinned fix stays put even with the best rate, and nothing jumps ahead of it', () => {
    expect(order(flow, rates('unplug 50/0', 'descale 20/2', 'fuse 20/19'))).toEqual(['unplug', 'fuse', 'descale', 'filter', 'reset', 'element']);
  });

  test('below minAttempts nothing moves', () => {
    expect(order(flow, rates('descale 9/0', 'fuse 9/9', 'filter 9/9', 'element 9/9'))).toEqual(FILE_ORDER);
  });

  test('a fix with too few attempts keeps its slot while measured ones trade places around it', () => {
    // fuse has 9 attempts: it stays third; descale and filter swap the two slots around it.
    expect(order(flow, rates('descale 10/1', 'fuse 9/9', 'filter 10/9'))).toEqual(['unplug', 'filter', 'fuse', 'descale', 'reset', 'element']);
  });

  test('a fix behind a data-loss confirmation never moves ahead of one without', () => {
    // element works every time, the others never: it still comes after every fix without a confirmation.
    expect(order(flow, rates('descale 30/0', 'fuse 30/0', 'filter 30/0', 'reset 30/0', 'element 30/30'))).toEqual(['unplug', 'descale', 'fuse', 'filter', 'element', 'reset']);
  });

  test('confirm steps trade places only with each other', () => {
    expect(order(flow, rates('reset 20/2', 'element 20/12'))).toEqual(['unplug', 'descale', 'fuse', 'filter', 'element', 'reset']);
  });

  test('equal rates keep the file order', () => {
    expect(order(flow, rates('descale 20/10', 'fuse 40/20', 'filter 10/5'))).toEqual(FILE_ORDER);
  });
});

describe('FlowEngine with measured rates', () => {
  const measured = rates('descale 20/2', 'fuse 20/10', 'filter 20/15');

  test('the order is fixed when the flow starts and kept in the state', () => {
    const state = new FlowEngine(flow, measured).start();
    expect(state.order).toEqual(['unplug', 'filter', 'fuse', 'descale', 'reset', 'element']);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  test('fixes are offered in the measured order after the diagnostics', () => {
    const engine = new FlowEngine(flow, measured);
    let state = engine.applyAnswer(engine.start(), 'yes').state;
    const offered: string[] = [];
    for (let p = engine.next(state); p.type === 'fix'; p = engine.next(state)) {
      offered.push(p.fix.id);
      state = engine.applyAnswer(state, 'not_fixed').state;
    }
    expect(offered).toEqual(['unplug', 'filter', 'fuse', 'descale']);
    expect(engine.next(state)).toMatchObject({ type: 'confirm', fix: { id: 'reset' } });
  });

  test('a fix a diagnostic answer prioritises still comes first', () => {
    const engine = new FlowEngine(flow, measured);
    const state = engine.applyAnswer(engine.start(), 'no').state;
    expect(engine.remainingFixes(state).map((f) => f.id)).toEqual(['fuse', 'unplug', 'filter', 'descale', 'reset', 'element']);
  });

  test('numbers that change mid-conversation do not change that conversation\'s order', () => {
    const state = new FlowEngine(flow, measured).start();
    const later = new FlowEngine(flow, rates('descale 100/100'));
    expect(later.remainingFixes({ ...state, asked: ['has-power'] }).map((f) => f.id)).toEqual(state.order);
  });

  test('a fix added to the file after the conversation started still comes, after the saved order', () => {
    const state = new FlowEngine(flow, measured).start();
    const edited: Flow = { ...flow, fixes: [...flow.fixes, { id: 'descale-again', article: 'a-descale', skipDuringOutage: false, tried: [] }] };
    expect(new FlowEngine(edited).remainingFixes(state).map((f) => f.id).slice(-1)).toEqual(['descale-again']);
  });

  test('a flow without fixOrder starts with no order in its state', () => {
    const { fixOrder: _off, ...plain } = flow;
    expect(new FlowEngine(plain as Flow, measured).start()).not.toHaveProperty('order');
  });
});
