import nock from 'nock';
import { activityText } from '../helpers/cards';
import { message, SERVICE_URL, startApp, type AppOverHttp } from './appOverHttp';
import {
  channelClaims, EMULATOR_ISSUER, serveChannelKeys, serveEmulatorKeys, serveOutgoingTokens, signingKey, signJwt,
} from './botFrameworkTokens';

// Bot Framework authentication for real: the SDK fetches the channel service's OpenID metadata and
// keys (served by nock with a key pair made here) and checks every request's token; the bot's own
// outgoing token comes from Entra ID (nock too). Only well-signed, current tokens for this bot and
// this serviceUrl reach the bot; everything else is 401 before any bot code runs.

// One app id per app type: the SDK caches credentials per app id for the whole process.
const MULTI_TENANT_APP_ID = '0f4e8e2c-5b7a-4c1d-9a3e-2b6f7d8c9e10';
const SINGLE_TENANT_APP_ID = '3a9b8c7d-6e5f-4a3b-9c1d-0e2f4a6b8c0d';
const MSI_APP_ID = '5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f';
const TENANT_ID = '7d3c2b1a-9e8f-4a6b-8c5d-1e2f3a4b5c6d';
const APP_PASSWORD = 'not-a-real-app-password-for-tests';

const trusted = signingKey('trusted-key');
// Published by Entra ID for Emulator and bot-to-bot tokens; the channel service does not publish it.
const entraKey = signingKey('entra-key');
// Same key id as the trusted key, different key: what a forger who read the public metadata would do.
const forger = signingKey('trusted-key');
const teamsOnly = signingKey('teams-only-key');

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  serveChannelKeys([
    { key: trusted, endorsements: ['webchat', 'msteams', 'sms', 'directline'] },
    { key: teamsOnly, endorsements: ['msteams'] },
  ]);
  serveEmulatorKeys([entraKey]);
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

// Incoming tokens are checked the same way whatever the app type: in botbuilder 4.23 only the Bot
// Framework channel issuer is accepted from channels, never the bot's own tenant.
describe.each([
  ['MultiTenant', { MicrosoftAppId: MULTI_TENANT_APP_ID, MicrosoftAppType: 'MultiTenant' }],
  ['SingleTenant', { MicrosoftAppId: SINGLE_TENANT_APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID }],
  ['UserAssignedMSI', { MicrosoftAppId: MSI_APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID }],
])('%s app: incoming requests', (_type, settings) => {
  const APP_ID = settings.MicrosoftAppId;
  const validToken = (overrides: Record<string, unknown> = {}) => signJwt(channelClaims(APP_ID, SERVICE_URL, overrides), trusted);
  let bot: AppOverHttp;
  let run: jest.SpyInstance;

  beforeAll(async () => {
    bot = await startApp({ MicrosoftAppPassword: settings.MicrosoftAppType === 'UserAssignedMSI' ? '' : APP_PASSWORD, ...settings });
    run = jest.spyOn(bot.app.bot, 'run');
  });
  afterAll(() => bot.close());
  beforeEach(() => run.mockClear());

  test('a valid channel token is accepted and the bot answers in the response', async () => {
    const res = await bot.post(message('auth-ok', 'my galaxy watch shows error 1002'), bearer(validToken()));
    expect(res.status).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
    expect(res.activities.map(activityText).join('\n')).toMatch(/error 1002/i);
  });

  test('an Emulator token for this app, signed by a key Microsoft publishes, is accepted too (the SDK allows the Emulator)', async () => {
    const token = signJwt({ ...channelClaims(APP_ID, SERVICE_URL), iss: EMULATOR_ISSUER, ver: '1.0', appid: APP_ID }, entraKey);
    const res = await bot.post(message('auth-emulator', 'hello'), bearer(token));
    expect(res.status).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });

  const now = Math.floor(Date.now() / 1000);
  const rejected: Array<[string, () => Record<string, string>]> = [
    ['no Authorization header', () => ({})],
    ['an empty Authorization header', () => ({ authorization: '' })],
    ['a header that is not a bearer token', () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['"bearer" in lower case', () => ({ authorization: `bearer ${validToken()}` })],
    ['a bearer value that is not a JWT', () => bearer('not-a-jwt')],
    ['three dots of garbage', () => bearer('a.b.c')],
    ['an expired token (past the 5-minute clock tolerance)', () => bearer(validToken({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }))],
    ['a token not valid yet', () => bearer(validToken({ nbf: now + 3600 }))],
    ['a token signed with another key under the trusted key id', () => bearer(signJwt(channelClaims(APP_ID, SERVICE_URL), forger))],
    ['a token signed with a key the channel service does not publish', () => bearer(signJwt(channelClaims(APP_ID, SERVICE_URL), entraKey))],
    ['a token for another bot (wrong audience)', () => bearer(validToken({ aud: '11111111-2222-3333-4444-555555555555' }))],
    ['a token without an audience', () => bearer(validToken({ aud: undefined }))],
    ['a token from another issuer', () => bearer(validToken({ iss: 'https://issuer.example.test' }))],
    ['a token issued by the bot\'s own tenant (v1)', () => bearer(validToken({ iss: `https://sts.windows.net/${TENANT_ID}/` }))],
    ['a token issued by the bot\'s own tenant (v2)', () => bearer(validToken({ iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0` }))],
    ['an Emulator token signed with a key Microsoft does not publish', () => bearer(signJwt({ ...channelClaims(APP_ID, SERVICE_URL), iss: EMULATOR_ISSUER, ver: '1.0', appid: APP_ID }, trusted))],
    ['an Emulator token for another app', () => bearer(signJwt({ ...channelClaims(APP_ID, SERVICE_URL), iss: EMULATOR_ISSUER, ver: '1.0', appid: 'another-app' }, entraKey))],
    ['a token for another serviceUrl', () => bearer(validToken({ serviceurl: 'https://attacker.example.test' }))],
    ['a key endorsed only for Teams, used for Web Chat', () => bearer(signJwt(channelClaims(APP_ID, SERVICE_URL), teamsOnly))],
    ['an unsigned token (alg none)', () => bearer(unsigned(channelClaims(APP_ID, SERVICE_URL)))],
    ['a token whose signature was cut off', () => bearer(validToken().split('.').slice(0, 2).join('.') + '.')],
    ['a token whose claims were changed after signing', () => bearer(tamper(validToken(), { aud: APP_ID, serviceurl: SERVICE_URL, exp: now + 999_999 }))],
  ];

  test.each(rejected)('%s: 401, and the bot never runs', async (_name, headers) => {
    const res = await quietly(() => bot.post(message('auth-no', 'my galaxy watch shows error 1002'), headers()));
    expect(res.status).toBe(401);
    expect(res.activities).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });

  test('a malformed request without a valid token gets 401 and learns nothing of what a request should look like', async () => {
    const malformed = { ...message('auth-malformed', 'hello'), text: 42 };
    const anonymous = await quietly(() => bot.post(malformed));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).not.toContain('text');
    const forged = await quietly(() => bot.post(malformed, bearer(signJwt(channelClaims(APP_ID, SERVICE_URL), forger))));
    expect(forged.status).toBe(401);
    const trustedCaller = await bot.post(malformed, bearer(validToken()));
    expect(trustedCaller.status).toBe(400);
    expect(JSON.parse(trustedCaller.body).error).toContain('(text:');
    expect(run).not.toHaveBeenCalled();
  });

  test('after all that the server still serves valid requests', async () => {
    const res = await bot.post(message('auth-ok-again', 'hello'), bearer(validToken()));
    expect(res.status).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

// The bot's own token for its replies: client credentials with the app password, from the Bot
// Framework tenant (MultiTenant) or the app's own tenant (SingleTenant). UserAssignedMSI gets its
// token from the Azure instance metadata service instead, which is not played here.
describe.each([
  ['MultiTenant', { MicrosoftAppId: MULTI_TENANT_APP_ID, MicrosoftAppType: 'MultiTenant' }, 'botframework.com'],
  ['SingleTenant', { MicrosoftAppId: SINGLE_TENANT_APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID }, TENANT_ID],
])('%s app: outgoing replies', (_type, settings, tokenTenant) => {
  let bot: AppOverHttp;

  beforeAll(async () => {
    bot = await startApp({ MicrosoftAppPassword: APP_PASSWORD, ...settings });
  });
  afterAll(() => bot.close());

  test(`replies go to the serviceUrl with the bot's own token from the ${tokenTenant} tenant`, async () => {
    const outgoing = `outgoing-token-${tokenTenant}`;
    const tokenRequests = serveOutgoingTokens(tokenTenant, outgoing);
    const authorizations: (string | undefined)[] = [];
    const connector = nock(SERVICE_URL)
      .post(/\/v3\/conversations\/auth-reply\/activities/)
      .times(2)
      .reply(200, function () {
        authorizations.push(this.req.headers.authorization);
        return { id: 'sent' };
      });
    const activity = { ...message('auth-reply', 'my galaxy watch shows error 1002'), deliveryMode: undefined };
    const token = signJwt(channelClaims(settings.MicrosoftAppId, SERVICE_URL), trusted);

    const res = await bot.post(activity, bearer(token));

    expect(res.status).toBe(200);
    expect(connector.isDone()).toBe(true);
    expect(authorizations).toEqual([`Bearer ${outgoing}`, `Bearer ${outgoing}`]);
    expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
    const form = new URLSearchParams(tokenRequests[0]);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(settings.MicrosoftAppId);
    expect(form.get('client_secret')).toBe(APP_PASSWORD);
    expect(form.get('scope')).toBe('https://api.botframework.com/.default');
  });
});

/** The SDK prints rejected tokens with console.error; the test checks the status instead. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return await fn();
  } finally {
    error.mockRestore();
    warn.mockRestore();
  }
}

function unsigned(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT', kid: trusted.kid })}.${part(payload)}.`;
}

function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims, extra: 'added after signing' };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
}
