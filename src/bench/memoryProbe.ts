import type { MemorySample } from './botMessages';
import type { CustomerScript } from './customerScripts';
import type { TurnClient } from './turnClient';

export interface ConversationMemory {
  conversations: number;
  before: MemorySample;
  after: MemorySample;
  /** Heap growth per conversation left open (bytes). */
  heapPerConversation: number;
  /** Resident set growth per conversation (bytes): also counts native memory such as SQLite's page cache. */
  rssPerConversation: number;
}

export interface MemoryProbe {
  client: TurnClient;
  memory: () => Promise<MemorySample>;
  /** The conversations are started with this script's first turns and then left mid-flow. */
  script: CustomerScript;
  turns: number;
  conversations: number;
  concurrency: number;
}

/** What each conversation in progress costs the bot process: memory after a GC, before and after starting many. */
export async function conversationMemory(probe: MemoryProbe): Promise<ConversationMemory> {
  const before = await probe.memory();
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < probe.conversations; n = next++) {
      for (const text of probe.script.messages.slice(0, probe.turns)) await probe.client.send(`memory-${n}`, text, probe.script.channelId);
    }
  };
  await Promise.all(Array.from({ length: probe.concurrency }, worker));
  const after = await probe.memory();
  return {
    conversations: probe.conversations,
    before,
    after,
    heapPerConversation: (after.heapUsed - before.heapUsed) / probe.conversations,
    rssPerConversation: (after.rss - before.rss) / probe.conversations,
  };
}
