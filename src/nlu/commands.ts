import type { CommandId } from '../knowledge/schema';
import { words } from './normalise';

// Politeness around a command does not change it: "please forget me", "forget me thanks".
const COURTESY = new Set(['please', 'kindly', 'thanks', 'thank', 'you', 'now', 'can', 'could', 'would']);

/** Matches whole-phrase commands ("forget me") from knowledge/commands.yaml. */
export class CommandMatcher {
  private readonly phrases = new Map<string, CommandId>();

  constructor(commands: Partial<Record<CommandId, string[]>>) {
    for (const [id, list] of Object.entries(commands) as [CommandId, string[]][]) {
      for (const phrase of list) this.phrases.set(key(phrase), id);
    }
  }

  match(text: string): CommandId | undefined {
    return this.phrases.get(key(text));
  }
}

function key(text: string): string {
  const w = words(text);
  let start = 0;
  let end = w.length;
  while (start < end && COURTESY.has(w[start])) start += 1;
  while (end > start && COURTESY.has(w[end - 1])) end -= 1;
  return w.slice(start, end).join(' ');
}
