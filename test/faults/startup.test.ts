import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/testCore';

// The real process started on a copy of knowledge/ and dialogs/ with one file broken. It must refuse
// to start (exit 1) and say, in words a support lead can act on, which file and line to fix.

interface Exit {
  code: number | null;
  stderr: string;
  logs: Array<{ level?: number; msg?: string; problems?: Array<{ file: string; line?: number }> }>;
}

function runBot(knowledgeDir: string): Promise<Exit> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', MicrosoftAppId: '', KNOWLEDGE_DIR: knowledgeDir, SQLITE_FILE: join(knowledgeDir, 'state.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    // A bot that starts after all would never exit by itself.
    const started = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(started);
      const logs = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Exit['logs'][number]);
      resolve({ code, stderr, logs });
    });
  });
}

/** Edits one file of the copy: `change` gets its text and returns the new text, or null to delete it. */
type Breakage = [file: string, change: (text: string) => string | null];

/** 1-based line of the first line holding `text` in the repository's own copy of `file`. */
function lineOf(file: string, text: string): number {
  const i = readFileSync(join(ROOT, file), 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (i < 0) throw new Error(`"${text}" is not in ${file}`);
  return i + 1;
}

const CASES: Array<[name: string, breakage: Breakage, problem: string]> = [
  [
    'a YAML syntax error (a quote never closed)',
    ['knowledge/responses/bot.yaml', (t) => t.replace(`greeting: "Hi! Tell me what's going on with your device and I'll help you sort it out."`, 'greeting: "Hi! Tell me what is going on')],
    `knowledge/responses/bot.yaml:${lineOf('knowledge/responses/bot.yaml', 'greeting: "Hi!')}: Missing closing "quote`,
  ],
  [
    'a schema error (a version that is not a number)',
    ['dialogs/nas-1002.yaml', (t) => t.replace(/^version: 1$/m, 'version: one')],
    `dialogs/nas-1002.yaml:${lineOf('dialogs/nas-1002.yaml', 'version: 1')}: version: Invalid input: expected number, received string`,
  ],
  [
    'a flow pointing at an article that does not exist',
    ['dialogs/nas-1002.yaml', (t) => t.replace('article: nas-restart-devices', 'article: nas-restart-everything')],
    `dialogs/nas-1002.yaml:${lineOf('dialogs/nas-1002.yaml', 'article: nas-restart-devices')}: fix restart-devices points to unknown article "nas-restart-everything"`,
  ],
  ['a required file missing', ['knowledge/catalogue.yaml', () => null], 'knowledge/catalogue.yaml: the file is missing'],
  ['the handoff phrase list missing', ['knowledge/handoff/person-words.yaml', () => null], 'knowledge/handoff/person-words.yaml: the file is missing'],
];

describe('a broken knowledge file at start', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faults-knowledge-'));
    cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    cpSync(join(ROOT, 'dialogs'), join(dir, 'dialogs'), { recursive: true });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test.each(CASES)('%s: exit 1, naming what to fix and where', async (_name, [file, change], problem) => {
    const path = join(dir, file);
    const changed = change(readFileSync(path, 'utf8'));
    if (changed === null) rmSync(path);
    else {
      expect(changed).not.toBe(readFileSync(path, 'utf8'));
      writeFileSync(path, changed);
    }

    const exit = await runBot(dir);

    expect(exit.code).toBe(1);
    // Plain text on stderr for a person at the console; nothing else (no stack trace).
    expect(exit.stderr.split('\n')).toEqual([
      `The support bot did not start: a problem in its knowledge files (in ${dir}).`,
      `  ${problem}`,
      'Fix what is listed above (file:line: problem), then start again. `npm run validate` checks the files without starting the bot.',
      '',
    ]);
    // The same as one fatal log line, with the problems as data for log search.
    const fatal = exit.logs.filter((l) => l.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toContain(problem);
    expect(fatal[0].problems).toEqual([expect.objectContaining({ file })]);
  }, 40_000);
});
