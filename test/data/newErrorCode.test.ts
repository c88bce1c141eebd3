import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSupportCore, type SupportCore } from '../../src/core/supportCore';
import { crossCheck } from '../../src/knowledge/crossCheck';
import { loadKnowledge, loadKnowledgeSources } from '../../src/knowledge/loadKnowledge';
import { ConversationHarness } from '../helpers/conversationRunner';
import { FIXED_NOW, ROOT } from '../helpers/testCore';

// A support lead adds a second error code for the smartwatch with data files only: a flow in
// dialogs/, its opening line in the responses, and makes it the code meant when none is named.
const NEW_INTRO = 'flow.smartwatch_2001.intro';

function copyWithNewCode(): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-new-code-'));
  cpSync(join(ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
  cpSync(join(ROOT, 'dialogs'), join(root, 'dialogs'), { recursive: true });
  const flow = readFileSync(join(root, 'dialogs', 'smartwatch-1002.yaml'), 'utf8')
    .replace('id: smartwatch-1002', 'id: smartwatch-2001')
    .replace('errorCode: "1002"', 'errorCode: "2001"')
    .replace('intro: flow.smartwatch.intro', `intro: ${NEW_INTRO}`);
  writeFileSync(join(root, 'dialogs', 'smartwatch-2001.yaml'), flow);
  const responses = join(root, 'knowledge', 'responses', 'flows.yaml');
  writeFileSync(responses, readFileSync(responses, 'utf8').replace('responses:\n', `responses:\n  ${NEW_INTRO}: "Error 2001 means the watch lost its link. Two questions first."\n`));
  const catalogue = join(root, 'knowledge', 'catalogue.yaml');
  writeFileSync(catalogue, readFileSync(catalogue, 'utf8').replace('defaultErrorCode: "1002"', 'defaultErrorCode: "2001"'));
  return root;
}

describe('a new error code added as data, no code changed', () => {
  const root = copyWithNewCode();
  let core: SupportCore;

  beforeAll(() => {
    core = createSupportCore(loadKnowledge(root), { now: () => FIXED_NOW });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function firstReplies(text: string): Promise<string[]> {
    return (await new ConversationHarness('webchat', { core }).send(text)).ids;
  }

  test('the copy passes validation', () => {
    expect(crossCheck(loadKnowledgeSources(root)).errors).toEqual([]);
  });

  test('a message naming the new code opens its flow; the old code still opens its own', async () => {
    expect(await firstReplies('my watch shows error 2001')).toContain(NEW_INTRO);
    const old = await firstReplies('my watch shows error 1002');
    expect(old).toContain('flow.smartwatch.intro');
    expect(old).not.toContain(NEW_INTRO);
  });

  test('a code that reads like a year is not taken for the purchase date of a warranty question', async () => {
    expect(await firstReplies('is my fitbit still under warranty? it shows error 2001')).toEqual(['warranty.ask_date']);
  });

  test('a watch problem with no code named opens the flow of the default code', async () => {
    expect(await firstReplies("my watch won't sync with my phone")).toContain(NEW_INTRO);
  });
});
