// The load targets of issue 6, checked by `npm run bench` on a 2-core machine.
export const BENCH_TARGETS = {
  /** The assistant's saturation throughput as a share of the echo bot's on the same adapter and server. */
  saturationRatio: 0.7,
  /** Turn latency a customer feels under the realistic load (ms), with no errors and no lost turns. */
  realisticP99Ms: 50,
  /** Memory per active conversation (bytes). */
  bytesPerConversation: 10 * 1024,
} as const;
