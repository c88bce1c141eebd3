import type { Conversation } from './conversationStore';

export interface ChannelAccount {
  id: string;
  name?: string;
}

/** Who and where the bot is told it is talking: the same for every activity of a conversation. */
export interface Channel {
  channelId: string;
  bot: ChannelAccount;
  serviceUrl: string;
}

export const CLIENT_ACTIVITY_TYPES = new Set(['message', 'event', 'typing']);

// What a client may say about its own activity. Everything else (id, channelId, conversation,
// recipient, serviceUrl, deliveryMode, ...) is the service's to set: a client-chosen serviceUrl
// would make the bot post replies to any address.
const CLIENT_FIELDS = ['type', 'text', 'textFormat', 'locale', 'value', 'name', 'attachments', 'channelData', 'entities', 'localTimezone'] as const;

/** The activity as the user posted it, cleaned and sent as the conversation's user. */
export function fromClient(conversation: Conversation, posted: Record<string, unknown>): Record<string, unknown> {
  const activity: Record<string, unknown> = {};
  for (const field of CLIENT_FIELDS) if (posted[field] !== undefined) activity[field] = posted[field];
  const from = posted.from as { name?: unknown } | undefined;
  activity.from = { id: conversation.userId, ...(typeof from?.name === 'string' ? { name: from.name } : {}), role: 'user' };
  activity.conversation = { id: conversation.id };
  return activity;
}

/** A stored user activity addressed to the bot, as the Direct Line service would deliver it. */
export function toBot(activity: Record<string, unknown>, channel: Channel): Record<string, unknown> {
  return { ...activity, channelId: channel.channelId, serviceUrl: channel.serviceUrl, recipient: { ...channel.bot, role: 'bot' } };
}

/** What Direct Line sends when a conversation starts, so the bot can greet the user. */
export function conversationStarted(conversation: Conversation, channel: Channel): Record<string, unknown> {
  return {
    type: 'conversationUpdate',
    membersAdded: [channel.bot, { id: conversation.userId }],
    from: { id: conversation.userId, role: 'user' },
    conversation: { id: conversation.id },
    channelId: channel.channelId,
    serviceUrl: channel.serviceUrl,
    recipient: { ...channel.bot, role: 'bot' },
    timestamp: new Date().toISOString(),
  };
}

/** A reply the bot posted to the connector, as clients should see it. */
export function fromBot(reply: Record<string, unknown>, conversation: Conversation, channel: Channel): Record<string, unknown> {
  // serviceUrl is our internal address; the conversation id is the one in the URL, not the body's.
  const { serviceUrl: _internal, id: _botsId, ...rest } = reply;
  return { ...rest, from: { ...channel.bot, role: 'bot' }, conversation: { id: conversation.id }, channelId: channel.channelId };
}
