import { createInterface } from 'node:readline';
import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { ReplySender } from '../bot/replySender';
import { SupportBot } from '../bot/SupportBot';
import { loadConfig } from '../config';
import { coreFromConfig } from '../core/coreFromConfig';
import { createLogger } from '../logger';

// `npm run chat`: the same bot, dialogs and knowledge in the terminal, for trying content changes.
async function main(): Promise<void> {
  const config = loadConfig();
  // Info-level JSON logs would drown the conversation; the terminal shows warnings and worse.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const core = coreFromConfig(config, logger);
  const storage = new MemoryStorage();
  const bot = new SupportBot({
    core, sender: new ReplySender(core.wording), conversationState: new ConversationState(storage), userState: new UserState(storage), logger,
  });
  const adapter = new TestAdapter((ctx) => bot.run(ctx), { channelId: 'terminal', conversation: { id: 'terminal-chat' } } as never);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const show = () => {
    while (adapter.activeQueue.length > 0) {
      const a = adapter.activeQueue.shift() as Activity;
      if (a.text) console.log(`\x1b[36mbot>\x1b[0m ${a.text.replace(/\n/g, '\n     ')}\n`);
    }
  };
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  console.log('Talk to the support assistant. Ctrl+D or "/quit" to leave.\n');
  await adapter.receiveActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'You' }], localTimezone: zone } as Partial<Activity>);
  show();
  process.stdout.write('\x1b[33myou>\x1b[0m ');
  for await (const line of rl) {
    if (line.trim() === '/quit') break;
    await adapter.receiveActivity({ type: 'message', text: line, localTimezone: zone } as Partial<Activity>);
    show();
    process.stdout.write('\x1b[33myou>\x1b[0m ');
  }
  rl.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
