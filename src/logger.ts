import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; secrets and message text never go in at info level. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'support-assistant' },
    redact: { paths: ['*.MicrosoftAppPassword', '*.password', '*.authorization', '*.headers.authorization'], censor: '[redacted]' },
  });
}
