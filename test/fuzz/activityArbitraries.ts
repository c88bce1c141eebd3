import fc from 'fast-check';
import { smsKeyword } from '../../src/bot/sms/keywords';

// Random and hostile Bot Framework activities for the property tests: what real channels send, what
// a careless or malicious client could send, and everything in between.

export const SERVICE_URL = 'https://connector.fuzz.example.test';
export const BOT = { id: 'bot-fuzz', name: 'Support' };
export const CHANNELS = ['webchat', 'msteams', 'sms', 'directline', 'emulator', 'slack'] as const;
/** Conversations per channel: few enough that each one sees many turns and builds up state. */
export const CONVERSATIONS_PER_CHANNEL = 6;

export type Activity = Record<string, unknown>;

const PHRASES = [
  'my galaxy watch shows error 1002', 'my WD My Cloud says cloud access connection error 1002', 'yes', 'no', 'still broken',
  'skip', 'I already did that', 'start over', 'help', 'talk to a person', 'is it under warranty', '3 months ago', '2023-01-10',
  'thanks', 'forget me', '1', '2', '3', "what's the support phone number", 'is the cloud down', 'reset it', 'not now', 'fixed it',
];

const HOSTILE = [
  '', ' ', '\n\t \r\n', '\u200b\u200c\u200d\ufeff', '\u202eevil\u202c error 1002', 'ساعتي تعرض الخطأ 1002', 'השעון שלי מציג שגיאה 1002',
  '👩‍👩‍👧‍👦🏳️‍🌈⌚️💾 error 1002', 'e\u0301\u0301\u0301\u0301', '\ud800', 'lone \udfff surrogate', '\u0000\u0001\u001f\u007f',
  '**bold** [x](javascript:alert(1)) <script>alert(1)</script> ![img](http://x/y.png)', '<at>Support</at>', '<at>Support</at> my watch shows error 1002',
  '{max} {code} {name} ${x} %s %n {{subject}} {{transcript}}', 'undefined', 'null', 'NaN', '[object Object]', '__proto__', 'constructor',
  '\r\n{"level":60,"msg":"forged line"}', '../../etc/passwd', "'; DROP TABLE state; --", '# heading\n> quote\n- item\n1. one',
  'a'.repeat(12_000), 'error 1002 '.repeat(1_500), '1'.repeat(3_000), '😀'.repeat(5_000), ' '.repeat(10_001),
];

/** Text a person might type, or a client might put in `text`. */
export const userText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PHRASES), weight: 5 },
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 120 }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...PHRASES), fc.constantFrom(...HOSTILE)).map(([a, b]) => `${a} ${b}`), weight: 2 },
);

const json = fc.jsonValue({ maxDepth: 3 });

/** What a card button might post back: the expected shapes, and anything else. */
const cardValue = fc.oneof(
  fc.record({ answer: fc.oneof(userText, json) }),
  fc.record({ text: fc.oneof(userText, json) }),
  fc.record({ msteams: json, answer: userText }),
  json,
);

const attachment = fc.record(
  {
    contentType: fc.oneof(fc.constantFrom('image/png', 'application/pdf', 'application/vnd.microsoft.card.adaptive', 'text/html'), fc.string()),
    contentUrl: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', '')),
    name: userText,
    content: json,
  },
  { requiredKeys: ['contentType'] },
);

const entity = fc.oneof(
  fc.constant({ type: 'mention', mentioned: BOT, text: '<at>Support</at>' }),
  fc.record({ type: fc.constant('mention'), mentioned: fc.oneof(json, fc.record({ id: fc.string() })), text: fc.oneof(userText, json) }),
  fc.record({ type: fc.constant('clientInfo'), locale: json, timezone: fc.oneof(fc.constantFrom('Europe/London', 'Mars/Olympus'), json), platform: json }),
  fc.record({ type: fc.string(), extra: json }),
);

/** `arb` in about `share` of the cases, else left out. */
const sometimes = <T>(arb: fc.Arbitrary<T>, share: number) =>
  fc.oneof({ weight: Math.round((1 - share) * 100), arbitrary: fc.constant(undefined) }, { weight: Math.round(share * 100), arbitrary: arb });

/** The conversation a message belongs to, from a small pool per channel. */
export const conversationKey = fc.record({
  channelId: fc.constantFrom(...CHANNELS),
  n: fc.integer({ min: 0, max: CONVERSATIONS_PER_CHANNEL - 1 }),
});

export function conversationId(channelId: string, n: number): string {
  return `fuzz-${channelId}-${n}`;
}

/**
 * A message activity with every field the right type (what a channel could really send), but
 * anything in it: any text or none, attachments, card values, mentions, odd locales and time
 * zones, and ids from a small pool so that some are replayed.
 */
export const wellFormedMessage: fc.Arbitrary<Activity> = fc
  .record({
    where: conversationKey,
    id: fc.oneof({ weight: 1, arbitrary: fc.constantFrom('replayed-1', 'replayed-2', 'replayed-3') }, { weight: 3, arbitrary: fc.uuid() }),
    text: fc.oneof({ arbitrary: userText, weight: 8 }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: fc.constant(null), weight: 1 }),
    attachments: sometimes(fc.array(attachment, { maxLength: 3 }), 0.2),
    value: sometimes(cardValue, 0.25),
    entities: sometimes(fc.array(entity, { maxLength: 3 }), 0.3),
    locale: sometimes(fc.constantFrom('en-GB', 'en-US', 'ar-EG', 'he-IL', 'zh-Hans', 'xx', '', 'en-GB-u-ca-islamic'), 0.6),
    localTimezone: sometimes(fc.constantFrom('Europe/London', 'America/Los_Angeles', 'Not/AZone', '', '+05:00'), 0.3),
    conversationType: fc.constantFrom('personal', 'channel', 'groupChat'),
  })
  // On SMS an opt-out word silences the conversation by design: those are tested elsewhere.
  .filter(({ where, text }) => where.channelId !== 'sms' || typeof text !== 'string' || smsKeyword(text) !== 'stop')
  .map(({ where, id, conversationType, ...rest }) => {
    const activity: Activity = {
      type: 'message',
      id,
      channelId: where.channelId,
      serviceUrl: SERVICE_URL,
      deliveryMode: 'expectReplies',
      from: { id: `user-${conversationId(where.channelId, where.n)}`, name: 'Customer' },
      recipient: BOT,
      conversation: { id: conversationId(where.channelId, where.n), ...(where.channelId === 'msteams' ? { conversationType } : {}) },
    };
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) activity[key] = value;
    return activity;
  });

const ACTIVITY_TYPES = [
  'message', 'conversationUpdate', 'typing', 'event', 'invoke', 'messageReaction', 'installationUpdate', 'endOfConversation',
  'messageUpdate', 'messageDelete', 'contactRelationUpdate', 'deleteUserData', 'handoff', 'trace', 'suggestion', 'command',
];
const FIELDS = [
  'type', 'id', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation', 'text', 'attachments', 'entities', 'value',
  'locale', 'localTimezone', 'timestamp', 'localTimestamp', 'deliveryMode', 'membersAdded', 'membersRemoved', 'name', 'action',
  'replyToId', 'channelData', 'textFormat', 'speak', 'valueType', 'relatesTo',
];

type Mutation = { kind: 'delete'; field: string } | { kind: 'set'; field: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), field: fc.constantFrom(...FIELDS) }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom(...FIELDS), value: fc.oneof(json, userText) }),
  fc.record({ kind: fc.constant('set' as const), field: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')), value: json }),
);

const members = fc.array(fc.oneof(fc.constant(BOT), fc.record({ id: fc.string({ minLength: 1 }), name: fc.string() })), { maxLength: 3 });

/**
 * Anything a client could POST: a well-formed activity of any type (known or made up), with
 * fields deleted or set to values of the wrong type; now and then not an object at all.
 */
export const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(wellFormedMessage, fc.oneof(fc.constantFrom(...ACTIVITY_TYPES), fc.string()), sometimes(members, 0.3), fc.array(mutation, { maxLength: 4 }))
      .map(([base, type, membersAdded, mutations]) => {
        const activity: Activity = { ...base, type, ...(membersAdded ? { membersAdded } : {}) };
        for (const m of mutations) {
          if (m.kind === 'delete') delete activity[m.field];
          else Object.defineProperty(activity, m.field, { value: m.value, enumerable: true, writable: true, configurable: true });
        }
        return activity;
      }),
  },
  { weight: 1, arbitrary: json },
);
