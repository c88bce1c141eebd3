// What the bot process under test and the load generator say to each other over the fork's IPC channel.

/** echo: the framework's floor; floor: the same with state, dialogs and two replies a turn; assistant: the support assistant. */
export type BotKind = 'echo' | 'floor' | 'assistant';
export const BOT_KINDS: readonly BotKind[] = ['echo', 'floor', 'assistant'];

/** The bot process's memory right after a full garbage collection, in bytes. */
export interface MemorySample {
  heapUsed: number;
  rss: number;
  external: number;
}

/** CPU time the bot process has used since it started (µs), as process.cpuUsage() reports it. */
export interface CpuSample {
  user: number;
  system: number;
}

export type FromBot = { type: 'ready'; port: number } | ({ type: 'memory' } & MemorySample) | ({ type: 'cpu' } & CpuSample);

export type ToBot = { type: 'memory' } | { type: 'cpu' } | { type: 'stop' };
