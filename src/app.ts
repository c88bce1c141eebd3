import type { Activity, TurnContext } from 'botbuilder';
import type { Config } from './config';
import { FixStats } from './analytics/fixStats';
import { TurnEvents } from './analytics/turnEvents';
import { createAdapter, createAuthentication } from './bot/adapter';
import { CheckedConversationState, CheckedUserState } from './bot/checkedState';
import { HoldRepliesMiddleware } from './bot/heldReplies';
import { ReplySender, type ReplyObserver } from './bot/replySender';
import { SupportBot } from './bot/SupportBot';
import { SmsMiddleware } from './bot/sms/smsMiddleware';
import { RateLimitMiddleware } from './bot/rateLimit';
import { TokenBuckets } from './limits/tokenBucket';
import { coreFromConfig } from './core/coreFromConfig';
import { handoffFromConfig } from './handoff/handoffFromConfig';
import { TranscriptMiddleware } from './transcripts/transcriptMiddleware';
import { TranscriptStore } from './transcripts/transcriptStore';
import type { CoreOptions } from './core/supportCore';
import { mountDirectLine } from './directline';
import type { Logger } from './logger';
import { createServer } from './server/createServer';
import { registerSupportPage } from './server/supportPage';
import { openStores } from './storage/openStores';
import type { Stores } from './storage/stores';

export interface AppOptions {
  /** State and events; default: the backend the settings name (SQLite under ./data unless told otherwise). */
  stores?: Stores;
  observer?: ReplyObserver;
  core?: Partial<CoreOptions>;
}

/** Wires the whole bot from settings: knowledge → core → dialogs → adapter → server. */
export function createApp(config: Config, logger: Logger, options: AppOptions = {}) {
  const stores = options.stores ?? openStores(config.storage, logger, { timeoutMs: config.storageTimeoutMs });
  // Flows with `fixOrder` follow measured success rates, read from the event log in the background.
  const fixRates = new FixStats(stores.events, { onError: (err) => logger.warn({ err }, 'fix success rates not read; keeping the last ones') });
  const core = coreFromConfig(config, logger, { fixRates, ...options.core });
  const { knowledge } = core;
  const { storage } = stores;
  const conversationState = new CheckedConversationState(storage);
  const userState = new CheckedUserState(storage);
  const sender = new ReplySender(core.wording, options.observer);
  const events = new TurnEvents(stores.events, core.now);
  // Redacted transcripts and the handoff to a person (agent hub event, helpdesk webhook with a retried outbox).
  const transcripts = config.transcripts ? new TranscriptMiddleware({ store: stores.transcripts ?? new TranscriptStore(storage), redact: core.redact, logger }) : undefined;
  const { handoff, retrier } = handoffFromConfig(config, { storage, wording: core.wording, logger, transcripts });
  const onForget = transcripts ? [(ctx: TurnContext) => transcripts.forget(ctx)] : [];
  const bot = new SupportBot({ core, sender, conversationState, userState, logger, events, teams: config.teams, handoff, onForget });
  const authentication = createAuthentication(config.auth, logger, config.connector);
  const adapter = createAdapter(authentication, logger, core.wording);
  // First, so replies are held until the turn's state is saved, outside every other send handler.
  adapter.use(new HoldRepliesMiddleware());
  // SMS: carrier keywords (STOP/START/HELP), no message after an opt-out, GSM-7 plain text only.
  adapter.use(new SmsMiddleware({ conversationState, sender, wording: core.wording, logger }));
  // After SMS (STOP always works), before transcripts (a flood is not recorded). On the core's clock, like the rest.
  if (config.rateLimit) adapter.use(new RateLimitMiddleware({ buckets: new TokenBuckets(config.rateLimit, () => core.now().toMillis()), sender, wording: core.wording, logger }));
  // After SMS: the transcript keeps what was really sent, and nothing after an opt-out.
  if (transcripts) adapter.use(transcripts);
  const server = createServer({
    adapter,
    authentication,
    bot,
    logger,
    health: () => ({ articles: knowledge.articles.length, flows: knowledge.flows.length, localMode: config.localMode }),
  });
  retrier?.start();
  server.on('close', () => retrier?.stop());
  // Web Chat's way in. Local turns go through the same adapter and bot as /api/messages.
  mountDirectLine(server, {
    settings: config.directLine,
    localMode: config.localMode,
    deliver: (activity) => adapter.processActivityDirect('', activity as Partial<Activity> as Activity, (ctx) => bot.run(ctx)),
    logger,
  });
  // The support-site page with Web Chat at /. With an Azure secret the browser talks to Azure's Direct Line.
  registerSupportPage(server, { connectSources: config.directLine.secret ? [new URL(config.directLine.endpoint).origin] : [] });
  return { server, bot, adapter, core, conversationState, userState, stores, handoff, retrier, transcripts };
}
