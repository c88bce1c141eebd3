import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { createSupportCore, type CoreOptions, type SupportCore } from '../../src/core/supportCore';
import type { Knowledge } from '../../src/knowledge';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';

export const ROOT = resolve(__dirname, '..', '..');

let knowledge: Knowledge | undefined;

/** The real knowledge from the repository, loaded once per test file. */
export function realKnowledge(): Knowledge {
  knowledge ??= loadKnowledge(ROOT);
  return knowledge;
}

/** A fixed "now" for tests: Sunday 22 November 2026, 10:00 in London. */
export const FIXED_NOW = DateTime.fromISO('2026-11-22T10:00:00', { zone: 'Europe/London' });

export function testCore(options: CoreOptions = {}): SupportCore {
  return createSupportCore(realKnowledge(), { now: () => FIXED_NOW, ...options });
}
