import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelArtifact, sourceFingerprint, upToDateArtifact, writeModelArtifact } from '../../src/core/modelArtifact';
import { createSupportCore } from '../../src/core/supportCore';
import { ROOT, realKnowledge } from '../helpers/testCore';

describe('the trained model kept by the build', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'model-artifact-'));
    cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    cpSync(join(ROOT, 'dialogs'), join(dir, 'dialogs'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Training and indexing every known word take most of a minute: done once, for the tests that need them.
  let built: { k: ReturnType<typeof realKnowledge>; core: ReturnType<typeof createSupportCore>; searchIndex: ReturnType<ReturnType<typeof createSupportCore>['search']['buildIndex']> } | undefined;
  const trained = () => {
    if (!built) {
      const k = realKnowledge();
      const core = createSupportCore(k);
      built = { k, core, searchIndex: core.search.buildIndex() };
    }
    return built;
  };

  test('the fingerprint is stable and changes when any data file changes', () => {
    const before = sourceFingerprint(dir);
    expect(sourceFingerprint(dir)).toBe(before);
    appendFileSync(join(dir, 'knowledge', 'nlu', 'thanks.yaml'), '  - cheers mate, sorted\n');
    expect(sourceFingerprint(dir)).not.toBe(before);
  });

  test('the fingerprint changes when the code that reads words changes, with the data the same', () => {
    const code = join(dir, 'code');
    cpSync(join(ROOT, 'src', 'nlu'), code, { recursive: true });
    const before = sourceFingerprint(dir, [code]);
    appendFileSync(join(code, 'normalise.ts'), '\n// a new shorthand\n');
    expect(sourceFingerprint(dir, [code])).not.toBe(before);
  });

  test('a core restored from the artifact classifies exactly like the one that was trained', () => {
    const { k, core, searchIndex } = trained();
    const file = join(dir, 'dist', 'model.json');
    writeModelArtifact(file, { fingerprint: 'abc', builtAt: '2026-11-22T10:00:00Z', knowledge: k, intentModel: core.classifier.toData(), searchIndex });
    const artifact = readModelArtifact(file, 'abc')!;
    expect(artifact.knowledge).toEqual(k);
    const restored = createSupportCore(artifact.knowledge, { intentModel: artifact.intentModel, searchIndex: artifact.searchIndex });
    for (const text of ['my galaxy watch wont pair', 'is my nas under warranty', 'best pizza in town', 'thx', 'cant reach my files from work']) {
      expect(restored.understander.understand(text)).toEqual(core.understander.understand(text));
      expect(restored.search.search(text)).toEqual(createSupportCore(k).search.search(text));
    }
    expect(restored.classifier.temperature).toBe(core.classifier.temperature);
  });

  // What lets the build skip training: the same data and code, and the classifier the settings name.
  test('an artifact is up to date only for its own fingerprint and classifier', () => {
    const { k, core, searchIndex } = trained();
    const file = join(dir, 'dist', 'current-model.json');
    writeModelArtifact(file, { fingerprint: 'abc', builtAt: '2026-11-22T10:00:00Z', knowledge: k, intentModel: core.classifier.toData(), searchIndex });
    expect(upToDateArtifact(file, 'abc', 'bayes')?.fingerprint).toBe('abc');
    expect(upToDateArtifact(file, 'abc', 'logistic')).toBeUndefined();
    expect(upToDateArtifact(file, 'def', 'bayes')).toBeUndefined();
  });

  test('an artifact built from other data, a corrupt file or no file is not used', () => {
    const file = join(dir, 'dist', 'model.json');
    expect(readModelArtifact(file, 'another fingerprint')).toBeUndefined();
    writeFileSync(file, '{"fingerprint": "abc", "knowle');
    expect(readModelArtifact(file, 'abc')).toBeUndefined();
    expect(readModelArtifact(join(dir, 'missing.json'), 'abc')).toBeUndefined();
  });

  test('an artifact from older code, without the tokenised phrases, the articles\' words or their questions\' words, is not used', () => {
    const { k, core, searchIndex } = trained();
    const file = join(dir, 'dist', 'old-model.json');
    const intentModel = core.classifier.toData();
    const { docs: _docs, ...olderModel } = intentModel;
    const write = (artifact: object) => writeFileSync(file, JSON.stringify({ fingerprint: 'abc', builtAt: '2026-11-22T10:00:00Z', knowledge: k, ...artifact }));
    write({ intentModel: olderModel, searchIndex });
    expect(readModelArtifact(file, 'abc')).toBeUndefined();
    // Before the BM25F field words, the search index was the term matches alone.
    write({ intentModel, searchIndex: searchIndex.terms });
    expect(readModelArtifact(file, 'abc')).toBeUndefined();
    const { questions: _questions, ...beforeQuestions } = searchIndex;
    write({ intentModel, searchIndex: beforeQuestions });
    expect(readModelArtifact(file, 'abc')).toBeUndefined();
    write({ intentModel, searchIndex });
    expect(readModelArtifact(file, 'abc')).toBeDefined();
  });
});
