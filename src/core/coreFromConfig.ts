import type { Config } from '../config';
import { loadKnowledge } from '../knowledge/loadKnowledge';
import type { Logger } from '../logger';
import { HttpCloudStatus } from '../status/cloudStatus';
import { createSupportCore, type CoreOptions, type SupportCore } from './supportCore';

/** The core as the settings describe it; the server and every command build it the same way. */
export function coreFromConfig(config: Config, logger?: Logger, overrides: Partial<CoreOptions> = {}): SupportCore {
  return createSupportCore(loadKnowledge(config.knowledgeDir), {
    classifier: config.classifier,
    confidenceThreshold: config.confidenceThreshold,
    defaultTimezone: config.defaultTimezone,
    statusChecker: new HttpCloudStatus({
      ...config.cloudStatus,
      onError: (err) => logger?.warn({ err: String(err) }, 'cloud status check failed; carrying on without it'),
    }),
    ...overrides,
  });
}
