import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Pipeline } from '@azure/core-rest-pipeline';
import type { Logger } from '../logger';
import { connectorPolicies, type ConnectorRetrySettings } from './connectorRetry';

type Authentication = ConfigurationBotFrameworkAuthentication;
type ConnectorFactory = ReturnType<Authentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type AuthenticateRequestResult = Awaited<ReturnType<Authentication['authenticateRequest']>>;

// The name @azure/core-rest-pipeline gives the retry policy every client starts with.
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * Bot Framework authentication whose connector clients (one per turn) retry replies within the
 * turn's time budget. CloudAdapter gets its connector factory from here both for incoming
 * requests (authenticateRequest) and for direct or proactive turns (createConnectorFactory).
 *
 * Why here: ConnectorFactoryImpl overwrites any requestPolicyFactories it is given, and its client
 * does not pass retry options to @azure/core-client, so the SDK's default retry (3 retries, Retry-After
 * obeyed however long, no time limit on an attempt) can only be replaced on the client it creates.
 */
export class RetryingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(options: ConfigurationBotFrameworkAuthenticationOptions, private readonly retry: ConnectorRetrySettings, private readonly logger: Logger) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.retrying(result.connectorFactory) } : result;
  }

  override createConnectorFactory(...args: Parameters<Authentication['createConnectorFactory']>): ConnectorFactory {
    return this.retrying(super.createConnectorFactory(...args));
  }

  private retrying(inner: ConnectorFactory): ConnectorFactory {
    return {
      create: async (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
        const client = await inner.create(serviceUrl, audience);
        const { retry, attemptLimit } = connectorPolicies(this.retry, this.logger);
        const pipeline = pipelineOf(client);
        pipeline.removePolicy({ name: SDK_RETRY_POLICY });
        pipeline.addPolicy(retry, { phase: 'Retry' });
        pipeline.addPolicy(attemptLimit, { afterPhase: 'Retry' });
        return client;
      },
    };
  }
}

/** The client's HTTP pipeline; its typings call the @azure/core-client ServiceClient that holds it private. */
function pipelineOf(client: ConnectorClient): Pipeline {
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline) throw new Error('ConnectorClient has no HTTP pipeline to add retries to (botframework-connector changed?)');
  return pipeline;
}
