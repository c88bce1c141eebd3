import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { HandoffSetup } from './handoffHarness';

/** A conversation test kept as data: what the user says and the reply ids the bot must answer with. */
export interface Transcript {
  name: string;
  file: string;
  /** How the provider's cloud status service behaves: up, outage, timeout, or off (no URL set). */
  status?: 'up' | 'outage' | 'timeout' | 'error' | 'off';
  /** Channels to run under; all of them when absent. */
  channels?: string[];
  locale?: string;
  timezone?: string;
  /** Teams only: where escalations point; the runner uses `consumer` unless a conversation says `helpdesk`. */
  teamsEscalation?: 'helpdesk' | 'consumer';
  /** Teams only: personal (default), channel or groupChat. */
  conversationType?: 'personal' | 'channel' | 'groupChat';
  /** Handing over to a person (agent hub channels, helpdesk webhook); absent: no handoff, contacts only. */
  handoff?: HandoffSetup;
  turns: Turn[];
}

export interface Turn {
  user?: string;
  /** A card submit or another raw activity instead of text. */
  activity?: Record<string, unknown>;
  /**
   * Taps the button with this title in the previous turn's replies and sends what the channel would:
   * a chip's text, a card's Action.Submit value (Web Chat) or its messageBack (Teams); on SMS, types it.
   */
  click?: string;
  /** Reply ids, in order, exactly. */
  bot: string[];
  /** Text fragments that must appear somewhere in this turn's rendered replies (case-insensitive). */
  says?: string[];
  /** Names of the event activities the bot sends this turn (e.g. handoff.initiate), exactly; none when absent. */
  events?: string[];
}

export const CHANNELS = ['webchat', 'msteams', 'sms'] as const;

export function loadTranscripts(dir: string): Transcript[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const doc = parse(readFileSync(join(dir, f), 'utf8')) as { conversations: Omit<Transcript, 'file'>[] };
      return doc.conversations.map((c) => ({ ...c, file: f }));
    });
}
