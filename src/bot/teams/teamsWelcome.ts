import type { ConversationAccount } from 'botbuilder';

/** The Teams welcome for a conversation: the 1:1 wording in personal chats, the "@mention me" wording elsewhere. */
export function teamsWelcomeId(conversation: Partial<ConversationAccount> | undefined): string {
  const type = conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || (type === undefined && conversation?.isGroup) ? 'teams.welcome_group' : 'teams.welcome';
}

/**
 * Whether a Teams conversationUpdate means the app was just added to this conversation: Teams lists
 * the bot itself among the members added when it is installed (personal, team or group chat). People
 * joining a team later are not greeted in its channel.
 */
export function botWasAdded(membersAdded: { id: string }[] | undefined, botId: string | undefined): boolean {
  return Boolean(botId) && (membersAdded ?? []).some((m) => m.id === botId);
}
