import type { Activity } from 'botbuilder';
import {
  AuthenticationError, BotFrameworkAuthentication, type AuthenticateRequestResult, type BotFrameworkClient, type ClaimsIdentity,
  type ConnectorFactory, type UserTokenClient,
} from 'botframework-connector';

// What jsonwebtoken throws for a token that is forged, tampered with, unsigned or not valid yet.
// The SDK turns only "expired" into an AuthenticationError; it rethrows these as they are, and
// CloudAdapter answers anything that is not an AuthenticationError with 500.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);
const UNAUTHORIZED = 401;

/**
 * Bot Framework authentication that answers every bad token with 401 (the request was refused, the
 * server is fine), not 500. Everything else is the wrapped authentication's.
 */
export class UnauthorizedOnBadTokens extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return refusingBadTokens(this.inner.authenticateRequest(activity, authHeader));
  }

  override authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return refusingBadTokens(this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return refusingBadTokens(this.inner.authenticateChannelRequest(authHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

async function refusingBadTokens<T>(authenticating: Promise<T>): Promise<T> {
  try {
    return await authenticating;
  } catch (err) {
    if (err instanceof Error && TOKEN_ERRORS.has(err.name)) throw new AuthenticationError(`Unauthorized: ${err.message}`, UNAUTHORIZED);
    throw err;
  }
}
