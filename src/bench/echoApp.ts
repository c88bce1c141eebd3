import { ActivityHandler } from 'botbuilder';
import type { Config } from '../config';
import { createAdapter, createAuthentication } from '../bot/adapter';
import type { Logger } from '../logger';
import type { Wording } from '../replies/wording';
import { createServer } from '../server/createServer';

/**
 * The framework's floor for `npm run bench`: a bot that echoes each message, on the same restify
 * server and CloudAdapter as the assistant, so the difference between the two is the assistant's own work.
 */
export function createEchoApp(config: Config, logger: Logger, wording: Wording) {
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    await ctx.sendActivity({ type: 'message', text: ctx.activity.text ?? '' });
    await next();
  });
  const authentication = createAuthentication(config.auth, logger);
  const adapter = createAdapter(authentication, logger, wording);
  const server = createServer({ adapter, authentication, bot, logger, health: () => ({ echo: true }) });
  return { server, close: async () => undefined };
}
