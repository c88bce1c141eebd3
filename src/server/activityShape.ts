import { z } from 'zod';

// The fields of a Bot Framework activity that the adapter, the state keys and the bot read, with the
// types the schema gives them. A real channel always sends these right; anything else is a bad
// request, answered 400 at the door instead of failing somewhere inside a turn. Fields not named
// here pass through untouched. JSON null counts as "not sent" for optional fields.

const optionalText = z.string().nullish();
const account = z.looseObject({ id: z.string().min(1), name: optionalText });
const httpUrl = z.string().refine(isHttpUrl, 'expected an http(s) URL');

// What the sender says: the part a Direct Line client may set itself.
const contentSchema = z.looseObject({
  type: z.string().min(1),
  text: optionalText,
  speak: optionalText,
  textFormat: optionalText,
  locale: optionalText,
  localTimezone: optionalText,
  name: optionalText,
  attachments: z.array(z.looseObject({ contentType: z.string(), name: optionalText })).nullish(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
});

// Plus who, where and how: what a channel sets.
const activitySchema = contentSchema.extend({
  id: optionalText,
  channelId: z.string().min(1),
  // Where replies go; the connector client fails on anything that is not a URL.
  serviceUrl: httpUrl,
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1), conversationType: optionalText, tenantId: optionalText }),
  timestamp: optionalText,
  localTimestamp: optionalText,
  replyToId: optionalText,
  deliveryMode: optionalText,
  action: optionalText,
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
});

/**
 * Why `body` is not an activity the bot can take, naming the field (never its value, which may be
 * anything a client sent), or undefined when it is fine.
 */
export function activityProblem(body: unknown): string | undefined {
  return problemOf(activitySchema.safeParse(body));
}

/** The same for the content of an activity only (a Direct Line client's, before the service addresses it). */
export function activityContentProblem(body: unknown): string | undefined {
  return problemOf(contentSchema.safeParse(body));
}

function problemOf(result: z.ZodSafeParseResult<unknown>): string | undefined {
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
