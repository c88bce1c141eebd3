import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; secrets and message text never go in at info level. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'support-assistant' },
    redact: { paths: ['*.MicrosoftAppPassword', '*.password', '*.authorization', '*.headers.authorization'], censor: '[redacted]' },
  };
  // A destination other than stdout is for tests that read what would have been logged.
  return destination ? pino(options, destination) : pino(options);
}
