import type { SupportEvent } from './supportEvent';

/** Head counts over conversations (distinct conversation ids) and messages. */
export interface ConversationStats {
  conversations: number;
  /** Conversations that started a troubleshooting flow. */
  troubleshooting: number;
  /** The person said a fix worked. */
  resolved: number;
  /** No person was asked for. */
  contained: number;
  /** The do-it-yourself steps ran out and the warranty was checked (then contacts, or a person). */
  escalated: number;
  handedOff: number;
  messages: number;
  /** Messages that answered the bot's question (a tap, "2", "still broken"). */
  answers: number;
  outOfScope: number;
  /** Messages recorded with their text: out of scope, or below the confidence threshold. */
  notUnderstood: number;
}

export function conversationStats(events: readonly SupportEvent[]): ConversationStats {
  const all = new Set<string>();
  const troubleshooting = new Set<string>();
  const resolved = new Set<string>();
  const escalated = new Set<string>();
  const handedOff = new Set<string>();
  let messages = 0;
  let answers = 0;
  let outOfScope = 0;
  let notUnderstood = 0;
  for (const e of events) {
    all.add(e.conversation);
    if (e.type === 'flow_step' || e.type === 'flow_end') troubleshooting.add(e.conversation);
    if ((e.type === 'fix_outcome' && e.outcome === 'fixed') || (e.type === 'flow_end' && e.outcome === 'resolved')) resolved.add(e.conversation);
    if (e.type === 'escalation') escalated.add(e.conversation);
    if (e.type === 'handoff') handedOff.add(e.conversation);
    if (e.type === 'message') {
      messages += 1;
      if (e.answered) answers += 1;
      if (e.outOfScope) outOfScope += 1;
      if (e.text) notUnderstood += 1;
    }
  }
  return {
    conversations: all.size,
    troubleshooting: troubleshooting.size,
    resolved: resolved.size,
    contained: all.size - handedOff.size,
    escalated: escalated.size,
    handedOff: handedOff.size,
    messages,
    answers,
    outOfScope,
    notUnderstood,
  };
}

/** The same counts for each channel, busiest first. */
export function statsByChannel(events: readonly SupportEvent[]): { channel: string; stats: ConversationStats }[] {
  const groups = new Map<string, SupportEvent[]>();
  for (const e of events) (groups.get(e.channel) ?? groups.set(e.channel, []).get(e.channel)!).push(e);
  return [...groups]
    .map(([channel, list]) => ({ channel, stats: conversationStats(list) }))
    .sort((a, b) => b.stats.conversations - a.stats.conversations || a.channel.localeCompare(b.channel));
}
