import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../logger';
import type { Wording } from '../replies/wording';
import type { ConnectorRetrySettings } from './connectorRetry';
import { RetryingBotFrameworkAuthentication } from './retryingAuthentication';
import { UnauthorizedOnBadTokens } from './unauthorizedOnBadTokens';

/**
 * Bot Framework authentication from settings. With an empty app id it accepts unauthenticated
 * requests (local mode); with credentials it validates every request. With `connector` settings,
 * replies are retried within the turn's budget (else the SDK's own retries).
 */
export function createAuthentication(auth: ConfigurationBotFrameworkAuthenticationOptions, logger: Logger, connector?: ConnectorRetrySettings): BotFrameworkAuthentication {
  const authentication = connector ? new RetryingBotFrameworkAuthentication(auth, connector, logger) : new ConfigurationBotFrameworkAuthentication(auth);
  // A forged or tampered token is a 401 like any other bad token, not a 500.
  return new UnauthorizedOnBadTokens(authentication);
}

/** CloudAdapter over that authentication, telling the person when a turn fails. */
export function createAdapter(authentication: BotFrameworkAuthentication, logger: Logger, wording: Wording): CloudAdapter {
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (ctx: TurnContext, error: Error) => {
    logger.error({ err: error, conversation: ctx.activity.conversation?.id, channelId: ctx.activity.channelId }, 'turn failed');
    try {
      // State is kept: the person can retry, or say "start over" to clear it.
      await ctx.sendActivity({ type: 'message', text: wording.say('error.turn') });
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}
