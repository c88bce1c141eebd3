import { checkEvalData, EVAL_FILES, loadIntentSet, loadSearchSet } from '../src/eval/evalData';
import { evaluateIntents } from '../src/eval/intentEval';
import { evaluateSearch } from '../src/eval/searchEval';
import { FLOORS } from '../src/eval/targets';
import { ROOT, realKnowledge, testCore } from './helpers/testCore';

// Understanding on the held-out set, held to FLOORS (the targets where they are met, the level
// reached where they are not): a content change that breaks understanding fails here before it lands.
// `npm run eval` prints the same numbers with the full report.
describe('understanding quality on the held-out set', () => {
  const core = testCore();
  const intents = evaluateIntents(core, loadIntentSet(ROOT, EVAL_FILES.intentsHeldout));
  const search = evaluateSearch(core, loadSearchSet(ROOT, EVAL_FILES.searchHeldout));

  test('the evaluation sets are valid and share no phrase with the training data', () => {
    expect(checkEvalData(ROOT, realKnowledge())).toEqual([]);
    expect(intents.size).toBeGreaterThan(450);
    expect(search.size).toBeGreaterThan(250);
  });

  test(`intent macro-F1 ≥ ${FLOORS.macroF1}`, () => {
    expect(intents.report.macroF1).toBeGreaterThanOrEqual(FLOORS.macroF1);
  });

  test(`in-scope accuracy ≥ ${FLOORS.inScopeAccuracy} and out-of-scope recall ≥ ${FLOORS.outOfScopeRecall}`, () => {
    expect(intents.scope.inScopeAccuracy).toBeGreaterThanOrEqual(FLOORS.inScopeAccuracy);
    expect(intents.scope.outOfScopeRecall).toBeGreaterThanOrEqual(FLOORS.outOfScopeRecall);
  });

  test(`product detection ≥ ${FLOORS.product} on messages that name or imply the device`, () => {
    expect(intents.entities.product).toBeGreaterThanOrEqual(FLOORS.product);
  });

  test(`knowledge search top-1 ≥ ${FLOORS.searchTop1} and top-3 ≥ ${FLOORS.searchTop3}`, () => {
    expect(search.top1).toBeGreaterThanOrEqual(FLOORS.searchTop1);
    expect(search.top3).toBeGreaterThanOrEqual(FLOORS.searchTop3);
  });
});
