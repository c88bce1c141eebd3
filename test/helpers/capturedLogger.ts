import { Writable } from 'node:stream';
import pino from 'pino';

/** A logger whose lines (pino's JSON, one per entry) the test can read. */
export function capturedLogger(level = 'info') {
  const lines: string[] = [];
  const logger = pino({ level }, new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }));
  return { logger, lines };
}
