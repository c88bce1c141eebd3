import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { parseDocument } from 'yaml';
import { STATE_VERSION } from '../../src/bot/SupportBot';
import { createSupportCore, type SupportCore } from '../../src/core/supportCore';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { BotInstance, CONVERSATION } from '../helpers/botInstance';
import { FIXED_NOW, ROOT } from '../helpers/testCore';

// The bot is updated between two messages of a conversation: its saved state must still lead
// somewhere sensible, never to a crash or to an answer applied to the wrong step.

const FLOW_FILE = join('dialogs', 'smartwatch-1002.yaml');
const STATE_KEY = `webchat/conversations/${CONVERSATION.id}/`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'support-knowledge-'));
  for (const d of ['knowledge', 'dialogs']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const coreFrom = (root: string): SupportCore => createSupportCore(loadKnowledge(root), { now: () => FIXED_NOW });
const title = (core: SupportCore, article: string) => core.search.byId(article)!.title;
const shows = (core: SupportCore, replies: string[], article: string) => replies.some((r) => r.includes(title(core, article)));

/** Edits the copied flow file as a support author would. */
function editFlow(edit: (flow: ReturnType<typeof parseDocument>) => void): void {
  const file = join(dir, FLOW_FILE);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, doc.toString());
}

function removeFix(id: string) {
  return (doc: ReturnType<typeof parseDocument>) => {
    const fixes = doc.get('fixes') as { items: Array<{ get(k: string): unknown }> };
    fixes.items.splice(fixes.items.findIndex((f) => f.get('id') === id), 1);
    doc.deleteIn(['checklist', id]);
  };
}

async function triedFixes(storage: Storage): Promise<Record<string, string>> {
  return ((await storage.read([STATE_KEY]))[STATE_KEY] as { conversationData: { tried: Record<string, string> } }).conversationData.tried;
}

test('the fix being shown is removed from the flow file: the answer is not pinned on another fix, the flow goes on', async () => {
  const storage = new MemoryStorage();
  const before = coreFrom(dir);
  const oldBot = new BotInstance(before, storage);
  await oldBot.send('my galaxy watch keeps showing error 1002');
  await oldBot.send('yes');
  expect(shows(before, await oldBot.send('yep'), 'sw-restart')).toBe(true);

  editFlow(removeFix('restart'));
  const after = coreFrom(dir);
  const newBot = new BotInstance(after, storage);
  const replies = await newBot.send("didn't work");

  expect(replies[0]).toBe(after.wording.say('flow.updated'));
  expect(shows(after, replies, 'sw-battery-charging')).toBe(true);
  expect(await triedFixes(storage)).toEqual({});
  expect(shows(after, await newBot.send('no luck'), 'sw-bluetooth-pairing')).toBe(true);
  expect(await triedFixes(storage)).toEqual({ battery: 'not_fixed' });
});

test('the question being asked is removed: the next step is asked instead', async () => {
  const storage = new MemoryStorage();
  const before = coreFrom(dir);
  const oldBot = new BotInstance(before, storage);
  await oldBot.send('my galaxy watch keeps showing error 1002');
  expect(await oldBot.send('yes')).toEqual([before.wording.say('flow.smartwatch.ask_connected')]);

  editFlow((doc) => {
    const diagnostics = doc.get('diagnostics') as { items: Array<{ get(k: string): unknown }> };
    diagnostics.items.splice(diagnostics.items.findIndex((d) => d.get('id') === 'connected'), 1);
  });
  const after = coreFrom(dir);
  const replies = await new BotInstance(after, storage).send('no');

  expect(replies[0]).toBe(after.wording.say('flow.updated'));
  // "no" (not connected) would have put Bluetooth first; the question is gone, so the order is the file's.
  expect(shows(after, replies, 'sw-restart')).toBe(true);
});

test('the whole flow is removed: the person is told and the next message starts afresh', async () => {
  const storage = new MemoryStorage();
  const oldBot = new BotInstance(coreFrom(dir), storage);
  await oldBot.send('my galaxy watch keeps showing error 1002');

  rmSync(join(dir, FLOW_FILE));
  const after = coreFrom(dir);
  const newBot = new BotInstance(after, storage);
  expect(await newBot.send('yes')).toContain(after.wording.say('state.upgraded'));
  expect(await newBot.send('is my watch under warranty?')).toEqual([after.wording.say('warranty.ask_date')]);
});

test('state saved by an older version of the bot is set aside; the fixes already tried are kept', async () => {
  const storage = new MemoryStorage();
  const core = coreFrom(ROOT);
  await storage.write({
    [STATE_KEY]: {
      meta: { version: STATE_VERSION - 1 },
      dialogState: { dialogStack: [{ id: 'aDialogThatNoLongerExists', state: {} }] },
      conversationData: { product: 'smartwatch', tried: { restart: 'not_fixed' } },
    },
  });
  const bot = new BotInstance(core, storage);

  const replies = await bot.send('my watch still shows error 1002');

  expect(replies[0]).toBe(core.wording.say('state.upgraded'));
  expect(replies).toContain(core.wording.say('flow.smartwatch.ask_powers_on'));
  expect(await triedFixes(storage)).toEqual({ restart: 'not_fixed' });
});

test('a saved dialog this version does not know is dropped, not failed on every turn', async () => {
  const storage = new MemoryStorage();
  const core = coreFrom(ROOT);
  await storage.write({
    [STATE_KEY]: { meta: { version: STATE_VERSION }, dialogState: { dialogStack: [{ id: 'renamedDialog', state: {} }] }, conversationData: { tried: {} } },
  });
  const bot = new BotInstance(core, storage);

  const replies = await bot.send('my galaxy watch shows error 1002');

  expect(replies[0]).toBe(core.wording.say('state.upgraded'));
  expect(replies).toContain(core.wording.say('flow.smartwatch.ask_powers_on'));
});
