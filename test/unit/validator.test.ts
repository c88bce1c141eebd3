import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossCheck } from '../../src/knowledge/crossCheck';
import { DataError, type DataProblem } from '../../src/knowledge/dataError';
import { loadKnowledge, loadKnowledgeSources } from '../../src/knowledge/loadKnowledge';
import { ROOT } from '../helpers/testCore';

const scratch = mkdtempSync(join(tmpdir(), 'kb-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of knowledge/ and dialogs/ with one file edited. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const root = join(scratch, `copy-${++copies}`);
  cpSync(join(ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
  cpSync(join(ROOT, 'dialogs'), join(root, 'dialogs'), { recursive: true });
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit did not change ${file}`);
  writeFileSync(path, after);
  return root;
}

/** Replaces exactly one line (matched exactly) and returns the edited text and that line's number. */
function replaceLine(text: string, line: string, by: string): string {
  const lines = text.split('\n');
  const i = lines.indexOf(line);
  if (i < 0 || lines.lastIndexOf(line) !== i) throw new Error(`line not found once: ${line}`);
  lines[i] = by;
  return lines.join('\n');
}

/** 1-based number of the line in the ORIGINAL repository file, so expectations do not copy numbers by hand. */
function lineNumberOf(file: string, line: string): number {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const i = lines.indexOf(line);
  if (i < 0) throw new Error(`line not found: ${line}`);
  return i + 1;
}

/** Problems from loading (syntax and schema) or, if it loads, from the cross-check. */
function problemsIn(root: string): DataProblem[] {
  try {
    return crossCheck(loadKnowledgeSources(root)).errors;
  } catch (err) {
    if (err instanceof DataError) return err.problems;
    throw err;
  }
}

describe('the real knowledge', () => {
  test('loads and cross-checks with no errors', () => {
    const { errors } = crossCheck(loadKnowledgeSources(ROOT));
    expect(errors).toEqual([]);
  });

  test('loadKnowledge returns every part', () => {
    const k = loadKnowledge(ROOT);
    expect(k.flows.map((f) => f.id).sort()).toEqual(['nas-1002', 'smartwatch-1002']);
    expect(k.articles.length).toBeGreaterThan(20);
    expect(k.intents.length).toBe(13);
  });
});

describe('a broken copy is reported with the file and line', () => {
  test('a flow fix pointing to a missing article', () => {
    const file = 'dialogs/nas-1002.yaml';
    const line = '    article: nas-check-internet';
    const root = brokenCopy(file, (t) => replaceLine(t, line, '    article: nas-no-such-article'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: expect.stringContaining('nas-no-such-article') },
    ]);
  });

  test('a training phrase under two intents', () => {
    const file = 'knowledge/nlu/warranty.yaml';
    let appendedAt = 0;
    const root = brokenCopy(file, (t) => {
      const body = t.endsWith('\n') ? t : `${t}\n`;
      appendedAt = body.split('\n').length; // the new line's number
      return `${body}  - error code 1002\n`;
    });
    expect(problemsIn(root)).toEqual([
      { file, line: appendedAt, message: expect.stringMatching(/error code 1002.*troubleshoot/) },
    ]);
  });

  test('a default error code that no flow is for', () => {
    const file = 'knowledge/catalogue.yaml';
    const line = 'defaultErrorCode: "1002"';
    const root = brokenCopy(file, (t) => replaceLine(t, line, 'defaultErrorCode: "2001"'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: 'no flow in dialogs/ is for the default error code 2001' },
    ]);
  });

  test('a phrase heard as two answers of one question', () => {
    const file = 'dialogs/smartwatch-1002.yaml';
    let at = 0;
    const root = brokenCopy(file, (t) => {
      const edited = t.replace("      unsure:\n        prioritise: [battery]\n", "      unsure:\n        prioritise: [battery]\n        heard: [\"won't turn on\"]\n");
      at = edited.split('\n').indexOf('        heard: ["won\'t turn on"]') + 1;
      return edited;
    });
    expect(problemsIn(root)).toEqual([{ file, line: at, message: '"won\'t turn on" is heard as both "no" and "unsure"' }]);
  });

  test('a phrase said of two fixes of one flow', () => {
    const file = 'dialogs/smartwatch-1002.yaml';
    let at = 0;
    const root = brokenCopy(file, (t) => {
      const edited = t.replace('    tried: [charged it,', '    tried: [rebooted it, charged it,');
      at = edited.split('\n').findIndex((l) => l.startsWith('    tried: [rebooted it,')) + 1;
      return edited;
    });
    expect(problemsIn(root)).toEqual([{ file, line: at, message: '"rebooted it" is said of both "restart" and "battery"' }]);
  });

  test('a training phrase that reads as a device name, under an intent other than troubleshoot', () => {
    const file = 'knowledge/nlu/deny.yaml';
    const line = '  - nah';
    const root = brokenCopy(file, (t) => replaceLine(t, line, '  - na'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: '"na" reads as the device name "nas", so a message naming only the device would be taken as deny' },
    ]);
  });

  test('a catalogue without a default error code', () => {
    const file = 'knowledge/catalogue.yaml';
    const root = brokenCopy(file, (t) => replaceLine(t, 'defaultErrorCode: "1002"', ''));
    expect(problemsIn(root)).toEqual([expect.objectContaining({ file, message: expect.stringContaining('defaultErrorCode') })]);
  });

  test('a companion phrase that holds no companion device name', () => {
    const file = 'knowledge/catalogue.yaml';
    const line = '    - phone number';
    const root = brokenCopy(file, (t) => replaceLine(t, line, '    - customer number'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: expect.stringContaining('"customer number" holds no companion device name') },
    ]);
  });

  test('a link word of two words is refused: messages are matched a word at a time', () => {
    const file = 'knowledge/catalogue.yaml';
    const line = '  linkWords: [with, w, to, from, between, and, via, through, into, onto, across]';
    const root = brokenCopy(file, (t) => replaceLine(t, line, '  linkWords: [with, w, to, from, between, and, via, through, into, onto, across, next to]'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: expect.stringMatching(/^companionDevices\.linkWords\.11: one lower-case word/) },
    ]);
  });

  // Regression test for a bug the first version had.
  test('a YAML syntax error names the file and the broken line', () => {
    const file = 'knowledge/articles/nas/nas-static-ip.yaml';
    const line = 'title: Give the NAS a fixed IP address';
    // "key: value: more" is a nested mapping in a compact mapping, an error on this very line.
    const root = brokenCopy(file, (t) => replaceLine(t, line, 'title: Give the NAS: a fixed IP address'));
    const problems = problemsIn(root);
    expect(problems).toEqual([{ file, line: lineNumberOf(file, line), message: expect.any(String) }]);
  });

  test('a YAML syntax error is reported for that file only, before any cross-check', () => {
    const file = 'knowledge/articles/nas/nas-static-ip.yaml';
    const root = brokenCopy(file, (t) => replaceLine(t, 'kind: fix', 'kind: fix\nkind: info'));
    const problems = problemsIn(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, message: expect.stringMatching(/unique/i) });
  });

  test('a schema error: an article without a title is reported at its mapping', () => {
    const file = 'knowledge/articles/nas/nas-static-ip.yaml';
    const root = brokenCopy(file, (t) => replaceLine(t, 'title: Give the NAS a fixed IP address', ''));
    expect(problemsIn(root)).toEqual([
      // The key is missing, so the problem points at the start of the article's mapping (its first key).
      { file, line: lineNumberOf(file, 'id: nas-static-ip'), message: expect.stringMatching(/^title: /) },
    ]);
  });

  test('a schema error: a field of the wrong type is reported at that field', () => {
    const file = 'knowledge/articles/nas/nas-static-ip.yaml';
    const line = 'errorCodes: ["1002"]';
    const root = brokenCopy(file, (t) => replaceLine(t, line, 'errorCodes: [1002]'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: expect.stringMatching(/^errorCodes\.0: /) },
    ]);
  });

  test('a response used by a flow but not defined', () => {
    const file = 'dialogs/nas-1002.yaml';
    const line = 'intro: flow.nas.intro';
    const root = brokenCopy(file, (t) => replaceLine(t, line, 'intro: flow.nas.no_such_intro'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: expect.stringContaining('flow.nas.no_such_intro') },
    ]);
  });

  test('a contact example entry with a real-looking (non 555-01xx) phone number', () => {
    const file = 'knowledge/contacts.yaml';
    const line = '    phone: "+1 555-0110"';
    const root = brokenCopy(file, (t) => replaceLine(t, line, '    phone: "+1 800-555-0199"'));
    expect(problemsIn(root)).toEqual([
      { file, line: lineNumberOf(file, line), message: expect.stringContaining('555-01xx') },
    ]);
  });

  test('a repair centre with an unknown time zone', () => {
    const file = 'knowledge/contacts.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8');
    const root = brokenCopy(file, () => text.replace('timezone: Asia/Taipei', 'timezone: Asia/Atlantis'));
    const problems = problemsIn(root);
    const zoneLine = text.split('\n').findIndex((l) => l.includes('timezone: Asia/Taipei')) + 1;
    expect(problems).toEqual([{ file, line: zoneLine, message: expect.stringContaining('Asia/Atlantis') }]);
  });

  test('every problem in a file is collected, not only the first', () => {
    const file = 'dialogs/nas-1002.yaml';
    const root = brokenCopy(file, (t) => replaceLine(
      replaceLine(t, 'intro: flow.nas.intro', 'intro: flow.nas.no_such_intro'),
      '    article: nas-static-ip', '    article: nas-nothing-here',
    ));
    expect(problemsIn(root).map((p) => p.line).sort((a, b) => a! - b!)).toEqual(
      [lineNumberOf(file, 'intro: flow.nas.intro'), lineNumberOf(file, '    article: nas-static-ip')],
    );
  });

  test('loadKnowledge on a broken copy throws a DataError naming file and line', () => {
    const file = 'dialogs/nas-1002.yaml';
    const line = '    article: nas-check-internet';
    const root = brokenCopy(file, (t) => replaceLine(t, line, '    article: nas-no-such-article'));
    let thrown: unknown;
    try {
      loadKnowledge(root);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DataError);
    expect((thrown as DataError).message).toContain(`${file}:${lineNumberOf(file, line)}:`);
  });

  test('loadKnowledge on a copy with a YAML error throws a DataError too', () => {
    const file = 'knowledge/catalogue.yaml';
    const root = brokenCopy(file, (t) => t.replace('products:', 'products: [oops'));
    expect(() => loadKnowledge(root)).toThrow(DataError);
  });
});

describe('data-driven fix order in a flow', () => {
  const warningsIn = (root: string) => crossCheck(loadKnowledgeSources(root)).warnings;

  test('a pinned fix in a flow without fixOrder is a warning at that line', () => {
    const file = 'dialogs/nas-1002.yaml';
    const line = '    article: nas-check-internet';
    const root = brokenCopy(file, (t) => replaceLine(t, line, `${line}\n    pinned: true`));
    expect(warningsIn(root)).toContainEqual({ file, line: lineNumberOf(file, line) + 1, message: expect.stringMatching(/check-internet is pinned but the flow has no fixOrder/) });
  });

  test('fixOrder with no pinned fix is a warning at fixOrder (its mapping\'s first line)', () => {
    const file = 'dialogs/smartwatch-1002.yaml';
    const root = brokenCopy(file, (t) => replaceLine(t, '    pinned: true', ''));
    expect(warningsIn(root)).toContainEqual({ file, line: lineNumberOf(file, '  by: success_rate'), message: expect.stringMatching(/no pinned fix/) });
  });

  test('an unknown way to order fixes is a schema error at that line', () => {
    const file = 'dialogs/smartwatch-1002.yaml';
    const line = '  by: success_rate';
    const root = brokenCopy(file, (t) => replaceLine(t, line, '  by: popularity'));
    expect(problemsIn(root)).toEqual([{ file, line: lineNumberOf(file, line), message: expect.stringMatching(/^fixOrder\.by: /) }]);
  });

  test('the real flows have no fix-order warnings', () => {
    expect(warningsIn(ROOT).filter((w) => /pinned|fixOrder/.test(w.message))).toEqual([]);
  });
});
