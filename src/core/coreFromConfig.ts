import type { Config } from '../config';
import type { Knowledge } from '../knowledge';
import type { Logger } from '../logger';
import { HttpCloudStatus } from '../status/cloudStatus';
import { readModelArtifact, sourceFingerprint } from './modelArtifact';
import { createSupportCore, type CoreOptions, type SupportCore } from './supportCore';

/**
 * The core as the settings describe it; the server and every command build it the same way.
 * It starts from the build's trained model when that was made from the current data, and
 * otherwise loads the YAML and trains (a data edit without a rebuild still takes effect).
 */
export function coreFromConfig(config: Config, logger?: Logger, overrides: Partial<CoreOptions> = {}): SupportCore {
  const artifact = readModelArtifact(config.modelFile, sourceFingerprint(config.knowledgeDir));
  if (!artifact) logger?.info({ modelFile: config.modelFile }, 'no trained model for the current data; training at start (npm run build keeps one)');
  return createSupportCore(artifact?.knowledge ?? loadFromSource(config.knowledgeDir), {
    classifier: config.classifier,
    intentModel: artifact?.intentModel,
    searchIndex: artifact?.searchIndex,
    confidenceThreshold: config.confidenceThreshold,
    clarifyMargin: config.clarifyMargin,
    defaultTimezone: config.defaultTimezone,
    statusChecker: new HttpCloudStatus({
      ...config.cloudStatus,
      onError: (err) => logger?.warn({ err: String(err) }, 'cloud status check failed; carrying on without it'),
    }),
    ...overrides,
  });
}

// The YAML parser and validators load only when the build's artifact cannot be used (start-up time).
function loadFromSource(root: string): Knowledge {
  const { loadKnowledge } = require('../knowledge/loadKnowledge') as typeof import('../knowledge/loadKnowledge');
  return loadKnowledge(root);
}
