import type { Server } from 'restify';
import type { Logger } from '../logger';
import { AzureTokenSource } from './azureTokenSource';
import type { Channel } from './botActivities';
import { registerConnectorRoutes } from './connectorRoutes';
import { ConversationStore } from './conversationStore';
import { LocalDirectLine, type DeliverToBot } from './localDirectLine';
import { registerLocalDirectLine } from './localDirectLineRoutes';
import { selfUrl } from './selfUrl';
import { TokenBook } from './tokenBook';
import { registerTokenRoute } from './tokenRoute';

export const DIRECT_LINE_PATH = '/directline';
export const CONNECTOR_PATH = `${DIRECT_LINE_PATH}/connector`;

// Web Chat on Azure reaches the bot through the Direct Line channel as "directline"; the local
// endpoint says the same so the bot cannot tell them apart (both get the rich Web Chat rendering).
export const DIRECT_LINE_CHANNEL_ID = 'directline';
const BOT = { id: 'support-assistant', name: 'Support assistant' };

export interface DirectLineSetup {
  settings: { secret?: string; endpoint: string };
  /**
   * The local endpoint runs only in local mode: with credentials the adapter would refuse its
   * unsigned turns and try to sign replies to itself.
   */
  localMode: boolean;
  deliver: DeliverToBot;
  logger: Logger;
  tokenTimeoutMs?: number;
}

/** The token endpoint always; the local Direct Line endpoint and its connector in local mode. */
export function mountDirectLine(server: Server, setup: DirectLineSetup): { local?: LocalDirectLine } {
  const { settings, logger } = setup;
  const local = setup.localMode ? mountLocal(server, setup) : undefined;
  const azure = settings.secret
    ? new AzureTokenSource({ secret: settings.secret, endpoint: settings.endpoint, timeoutMs: setup.tokenTimeoutMs ?? 5000 })
    : undefined;
  registerTokenRoute(server, { azure, local: local && { directLine: local, basePath: DIRECT_LINE_PATH }, logger });
  return { local };
}

function mountLocal(server: Server, setup: DirectLineSetup): LocalDirectLine {
  const channel = (): Channel => ({ channelId: DIRECT_LINE_CHANNEL_ID, bot: BOT, serviceUrl: `${selfUrl(server)}${CONNECTOR_PATH}` });
  const local = new LocalDirectLine({ store: new ConversationStore(), tokens: new TokenBook(), deliver: setup.deliver, channel, logger: setup.logger });
  registerLocalDirectLine(server, local, DIRECT_LINE_PATH);
  registerConnectorRoutes(server, local, CONNECTOR_PATH);
  return local;
}
