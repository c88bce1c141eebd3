import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nock from 'nock';

// A stand-in for the Bot Framework's token service: a key pair made here, the OpenID metadata and
// signing keys served by nock where the SDK looks for them, and RS256 JWTs signed with node:crypto.

export const CHANNEL_ISSUER = 'https://api.botframework.com';
// One of the Microsoft tenants the SDK accepts Emulator and bot-to-bot tokens from.
export const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
const OPENID_ORIGIN = 'https://login.botframework.com';
const OPENID_PATH = '/v1/.well-known/openidconfiguration';
const KEYS_PATH = '/v1/.well-known/keys';
const LOGIN_ORIGIN = 'https://login.microsoftonline.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** A compact JWS: header.payload.signature, RS256. */
export function signJwt(payload: Record<string, unknown>, key: SigningKey, header: Record<string, unknown> = {}): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const data = `${part({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })}.${part(payload)}`;
  return `${data}.${createSign('RSA-SHA256').update(data).sign(key.privateKey).toString('base64url')}`;
}

/** The claims the Bot Framework channel service puts in a token for a bot, valid for an hour. */
export function channelClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}

/**
 * Serves the channel service's OpenID configuration and its keys (each with the channels it is
 * endorsed for, as the real keys are). Persistent: the SDK caches them per process but may look again.
 */
export function serveChannelKeys(keys: { key: SigningKey; endorsements: string[] }[]): void {
  nock(OPENID_ORIGIN)
    .persist()
    .get(OPENID_PATH)
    .reply(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${OPENID_ORIGIN}${KEYS_PATH}`, id_token_signing_alg_values_supported: ['RS256'] })
    .get(KEYS_PATH)
    .reply(200, {
      keys: keys.map(({ key, endorsements }) => ({ kty: 'RSA', use: 'sig', kid: key.kid, ...jwkOf(key), endorsements })),
    });
}

/**
 * Entra ID's common OpenID metadata and keys, where the SDK looks for tokens from the Bot Framework
 * Emulator and from other bots (issued by Microsoft's own tenants).
 */
export function serveEmulatorKeys(keys: SigningKey[]): void {
  nock(LOGIN_ORIGIN)
    .persist()
    .get('/common/v2.0/.well-known/openid-configuration')
    .reply(200, { issuer: `${LOGIN_ORIGIN}/{tenantid}/v2.0`, jwks_uri: `${LOGIN_ORIGIN}/common/discovery/v2.0/keys` })
    .get('/common/discovery/v2.0/keys')
    .reply(200, { keys: keys.map((key) => ({ kty: 'RSA', use: 'sig', kid: key.kid, ...jwkOf(key) })) });
}

/**
 * Entra ID's token endpoint for the bot's own outgoing token (client credentials) in `tenant`. MSAL
 * knows login.microsoftonline.com's metadata itself, so this is the only call. Returns the form
 * bodies it was sent.
 */
export function serveOutgoingTokens(tenant: string, accessToken: string): string[] {
  const requests: string[] = [];
  nock(LOGIN_ORIGIN)
    .persist()
    .post(`/${tenant}/oauth2/v2.0/token`, (body) => {
      requests.push(typeof body === 'string' ? body : new URLSearchParams(body as Record<string, string>).toString());
      return true;
    })
    .query(true)
    .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  return requests;
}

function jwkOf(key: SigningKey): { n: string; e: string } {
  const jwk = key.publicKey.export({ format: 'jwk' });
  return { n: jwk.n!, e: jwk.e! };
}
