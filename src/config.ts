import 'dotenv/config';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);
// A number in 0..1 that may be left empty ("CONFIDENCE_THRESHOLD=" means the built-in default, not 0).
const optionalShare = z.preprocess(emptyAsUnset, z.coerce.number().min(0).max(1).optional());

// Every setting the bot reads, checked once at start. Documented in .env.example.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().optional(),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: z.string().default(''),
  CLASSIFIER: z.enum(['bayes', 'logistic']).default('bayes'),
  CONFIDENCE_THRESHOLD: optionalShare,
  CLARIFY_MARGIN: optionalShare,
  MODEL_FILE: z.string().default(''),
  CLOUD_STATUS_URL: z.union([z.literal(''), z.string().url()]).default(''),
  CLOUD_STATUS_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
  DEFAULT_TIMEZONE: z.string().default(''),
  DIRECT_LINE_SECRET: z.string().default(''),
  DIRECT_LINE_ENDPOINT: z.string().url().default('https://directline.botframework.com/v3/directline'),
  TEAMS_ESCALATION: z.enum(['helpdesk', 'consumer']).default('helpdesk'),
  STORAGE: z.enum(['sqlite', 'redis', 'azure-blob', 'memory']).default('sqlite'),
  SQLITE_FILE: z.string().default(''),
  REDIS_URL: z.string().default(''),
  REDIS_KEY_PREFIX: z.string().default('support:'),
  AZURE_STORAGE_CONNECTION_STRING: z.string().default(''),
  AZURE_STORAGE_CONTAINER: z.string().default('support-state'),
  STORAGE_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  CONNECTOR_RETRY_BUDGET_MS: z.coerce.number().int().positive().default(10000),
  CONNECTOR_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().positive().default(4000),
  CONNECTOR_RETRY_DELAY_MS: z.coerce.number().int().positive().default(500),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10000),
  // Empty by default: telling someone a person will join needs an agent hub that is really there.
  HANDOFF_EVENT_CHANNELS: z.string().default(''),
  HELPDESK_WEBHOOK_URL: z.union([z.literal(''), z.string().url()]).default(''),
  HELPDESK_WEBHOOK_AUTH: z.string().default(''),
  HELPDESK_WEBHOOK_AUTH_HEADER: z.string().default('Authorization'),
  HELPDESK_WEBHOOK_TEMPLATE: z.string().default(''),
  HELPDESK_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  HELPDESK_RETRY_INTERVAL_MS: z.coerce.number().int().positive().default(60000),
  TRANSCRIPTS: z.enum(['on', 'off']).default('on'),
  // Empty means the default here too, so "RATE_LIMIT_BURST=" does not silently turn the limit off.
  RATE_LIMIT_BURST: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(8)),
  RATE_LIMIT_PER_SECOND: z.preprocess(emptyAsUnset, z.coerce.number().positive().default(1)),
});

export type Config = ReturnType<typeof toConfig>;

type Env = z.infer<typeof schema>;

/** Where conversation state, user profiles, events and transcripts live. */
export type StorageSettings =
  | { kind: 'sqlite'; file: string }
  | { kind: 'redis'; url: string; keyPrefix: string }
  | { kind: 'azure-blob'; connectionString: string; container: string }
  | { kind: 'memory' };

function storageSettings(env: Env): StorageSettings {
  switch (env.STORAGE) {
    case 'redis':
      if (!env.REDIS_URL) throw new Error('Invalid settings:\nREDIS_URL: required when STORAGE=redis');
      return { kind: 'redis', url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX };
    case 'azure-blob':
      if (!env.AZURE_STORAGE_CONNECTION_STRING) throw new Error('Invalid settings:\nAZURE_STORAGE_CONNECTION_STRING: required when STORAGE=azure-blob');
      return { kind: 'azure-blob', connectionString: env.AZURE_STORAGE_CONNECTION_STRING, container: env.AZURE_STORAGE_CONTAINER };
    case 'memory':
      return { kind: 'memory' };
    default:
      return { kind: 'sqlite', file: env.SQLITE_FILE || join(projectRoot(), 'data', 'support.sqlite') };
  }
}

function toConfig(env: Env) {
  const localMode = env.MicrosoftAppId === '';
  const root = env.KNOWLEDGE_DIR || projectRoot();
  return {
    port: env.PORT,
    // Without credentials anyone could talk to the bot, so local mode listens on loopback only.
    host: env.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    localMode,
    auth: {
      MicrosoftAppId: env.MicrosoftAppId,
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      MicrosoftAppType: env.MicrosoftAppType,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    },
    logLevel: env.LOG_LEVEL,
    knowledgeDir: root,
    classifier: env.CLASSIFIER,
    confidenceThreshold: env.CONFIDENCE_THRESHOLD,
    clarifyMargin: env.CLARIFY_MARGIN,
    // The trained model and compiled knowledge `npm run build` keeps, so start-up does not train.
    modelFile: env.MODEL_FILE || join(root, 'dist', 'model.json'),
    cloudStatus: { url: env.CLOUD_STATUS_URL || undefined, timeoutMs: env.CLOUD_STATUS_TIMEOUT_MS },
    defaultTimezone: env.DEFAULT_TIMEZONE || undefined,
    // The secret stays on the server: only short-lived tokens made from it reach the browser.
    directLine: { secret: env.DIRECT_LINE_SECRET || undefined, endpoint: env.DIRECT_LINE_ENDPOINT.replace(/\/+$/, '') },
    // In Teams (a company's own users) the bot escalates to the internal helpdesk in knowledge/helpdesk.yaml.
    teams: { escalation: env.TEAMS_ESCALATION },
    storage: storageSettings(env),
    // Each state read or write; a stalled backend fails the turn instead of holding it forever.
    storageTimeoutMs: env.STORAGE_TIMEOUT_MS,
    // Replies to the channel: retried within the turn's budget (channels give a turn about 15 s).
    connector: { budgetMs: env.CONNECTOR_RETRY_BUDGET_MS, attemptTimeoutMs: env.CONNECTOR_ATTEMPT_TIMEOUT_MS, retryDelayMs: env.CONNECTOR_RETRY_DELAY_MS },
    // How long SIGTERM waits for turns in flight before closing the stores anyway.
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    handoff: {
      // Channels whose agent hub (e.g. Omnichannel, LivePerson) understands the handoff.initiate event.
      eventChannels: env.HANDOFF_EVENT_CHANNELS.split(',').map((c) => c.trim()).filter(Boolean),
      webhook: env.HELPDESK_WEBHOOK_URL
        ? {
            url: env.HELPDESK_WEBHOOK_URL,
            authHeader: env.HELPDESK_WEBHOOK_AUTH_HEADER,
            auth: env.HELPDESK_WEBHOOK_AUTH || undefined,
            template: env.HELPDESK_WEBHOOK_TEMPLATE || join(root, 'knowledge', 'handoff', 'ticket-template.json'),
            timeoutMs: env.HELPDESK_WEBHOOK_TIMEOUT_MS,
            retryIntervalMs: env.HELPDESK_RETRY_INTERVAL_MS,
          }
        : undefined,
    },
    transcripts: env.TRANSCRIPTS === 'on',
    // Messages per conversation: a burst, then a steady rate. A burst of 0 turns the limit off.
    rateLimit: env.RATE_LIMIT_BURST > 0 ? { burst: env.RATE_LIMIT_BURST, perSecond: env.RATE_LIMIT_PER_SECOND } : undefined,
  };
}

/** Reads and checks the settings; throws a readable message naming each bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}

// The folder with package.json above this file (works from src/ under ts-jest and from dist/src/).
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
