import type { Activity } from 'botbuilder';

/**
 * Removes the bot's own @mention from a message before anything reads it. In Teams channels and
 * group chats a message to the bot starts with "<at>Bot name</at>"; understanding must see only
 * "my watch shows error 1002". Other people's mentions stay. Returns the cleaned text.
 */
export function stripBotMention(activity: Partial<Activity>): string | undefined {
  const botId = activity.recipient?.id;
  if (typeof activity.text !== 'string' || !botId) return activity.text;
  const mine = (activity.entities ?? []).filter((e) =>
    typeof e.type === 'string' && e.type.toLowerCase() === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
  if (mine.length === 0) return activity.text;
  // Not TurnContext.removeRecipientMention: it reads every mention's `mentioned.id` and fails on a
  // mention without one. A message can name the bot more than once ("@Bot … thanks @Bot").
  for (const m of mine) {
    const text = (m as { text?: unknown }).text;
    if (typeof text === 'string' && text) activity.text = activity.text.split(text).join(' ');
  }
  activity.text = activity.text.replace(/[ \t\u00a0]{2,}/g, ' ').trim();
  return activity.text;
}
