import 'dotenv/config';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

// A number in 0..1 that may be left empty ("CONFIDENCE_THRESHOLD=" means the built-in default, not 0).
const optionalShare = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(0).max(1).optional());

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
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof schema>) {
  const localMode = env.MicrosoftAppId === '';
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
    knowledgeDir: env.KNOWLEDGE_DIR || projectRoot(),
    classifier: env.CLASSIFIER,
    confidenceThreshold: env.CONFIDENCE_THRESHOLD,
    clarifyMargin: env.CLARIFY_MARGIN,
    // The trained model and compiled knowledge `npm run build` keeps, so start-up does not train.
    modelFile: env.MODEL_FILE || join(env.KNOWLEDGE_DIR || projectRoot(), 'dist', 'model.json'),
    cloudStatus: { url: env.CLOUD_STATUS_URL || undefined, timeoutMs: env.CLOUD_STATUS_TIMEOUT_MS },
    defaultTimezone: env.DEFAULT_TIMEZONE || undefined,
    // The secret stays on the server: only short-lived tokens made from it reach the browser.
    directLine: { secret: env.DIRECT_LINE_SECRET || undefined, endpoint: env.DIRECT_LINE_ENDPOINT.replace(/\/+$/, '') },
    // In Teams (a company's own users) the bot escalates to the internal helpdesk in knowledge/helpdesk.yaml.
    teams: { escalation: env.TEAMS_ESCALATION },
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
