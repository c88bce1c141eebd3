import type { TranscriptEntry } from './transcriptEntry';

export interface TranscriptLimits {
  maxEntries: number;
  /** Of the transcript as JSON: cards make entries large. */
  maxChars: number;
}

export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = { maxEntries: 200, maxChars: 200_000 };

// A transcript is kept in about this many pages, so a turn rewrites a tenth of the limits at most.
const PAGES = 10;

/** A full page: its size is kept in the head, so the caps never need to read it. */
export interface PageSize {
  entries: number;
  chars: number;
}

/**
 * The document a conversation's transcript hangs from, rewritten by every turn: the page being
 * filled, and the sizes of the full pages before it, each stored once under its own key.
 * A transcript stored as one document ({ entries, dropped }) reads as a head with one page.
 */
export interface TranscriptHead {
  /** The page being filled. */
  entries: TranscriptEntry[];
  /** Its JSON length. */
  chars?: number;
  /** Its number; the full pages kept are numbered page - full.length … page - 1. */
  page?: number;
  /** The full pages kept, oldest first. */
  full?: PageSize[];
  /** How many of the oldest entries were dropped to stay within the limits. */
  dropped: number;
}

/** What an append does: the new head, full pages to store under their own keys, pages to delete. */
export interface AppendPlan {
  head: TranscriptHead;
  seal: Page[];
  drop: number[];
}

export interface Page {
  page: number;
  entries: TranscriptEntry[];
}

/**
 * Appends entries to the page being filled. A page is sealed only once it is already full in the
 * stored head, so every writer that seals page n writes the same entries: one that lost the eTag
 * race has written nothing the winner did not. The oldest full pages drop first once the transcript
 * is over the limits; then the oldest entries of the page being filled, keeping the newest.
 */
export function appendToHead(stored: TranscriptHead | undefined, entries: TranscriptEntry[], limits: TranscriptLimits): AppendPlan {
  const head = startedHead(stored);
  const sealed = isFull(head, limits) ? seal(head, limits) : [];
  head.chars = joinedChars(head, entries);
  head.entries = [...head.entries, ...entries];
  const drop = dropFullPages(head, limits);
  dropOldestEntries(head, limits);
  // A page sealed and dropped by the same append is neither stored nor deleted.
  return { head, seal: sealed.filter((p) => !drop.includes(p.page)), drop: drop.filter((n) => !sealed.some((p) => p.page === n)) };
}

/** The numbers of the full pages the head keeps, oldest first. */
export function keptPages(head: TranscriptHead): number[] {
  const { page = 0, full = [] } = head;
  return full.map((_, i) => page - full.length + i);
}

type Started = Required<TranscriptHead>;

function startedHead(stored: TranscriptHead | undefined): Started {
  const entries = stored?.entries ?? [];
  return {
    entries,
    chars: stored?.chars ?? JSON.stringify(entries).length,
    page: stored?.page ?? 0,
    full: stored?.full ?? [],
    dropped: stored?.dropped ?? 0,
  };
}

function isFull(head: Started, limits: TranscriptLimits): boolean {
  return head.entries.length >= pageEntries(limits) || head.chars >= Math.ceil(limits.maxChars / PAGES);
}

function pageEntries(limits: TranscriptLimits): number {
  return Math.ceil(limits.maxEntries / PAGES);
}

// Moves the page being filled to the full pages and starts the next. A transcript stored as one
// document is cut into pages here, so its first append after an upgrade drops no more than a page.
function seal(head: Started, limits: TranscriptLimits): Page[] {
  const size = pageEntries(limits);
  // A turn's entries may take a page a little past full; the last page keeps that rest.
  const count = Math.max(1, Math.floor(head.entries.length / size));
  const pages = Array.from({ length: count }, (_, i): Page => ({
    page: head.page + i,
    entries: head.entries.slice(i * size, i === count - 1 ? undefined : (i + 1) * size),
  }));
  const sizeOf = (p: Page) => ({ entries: p.entries.length, chars: pages.length === 1 ? head.chars : JSON.stringify(p.entries).length });
  Object.assign(head, { full: [...head.full, ...pages.map(sizeOf)], entries: [], chars: 2, page: head.page + pages.length });
  return pages;
}

// "[a]" and "[b]" join as "[a,b]": one comma instead of two brackets. Only the new entries are serialised.
function joinedChars(head: Started, entries: TranscriptEntry[]): number {
  const added = JSON.stringify(entries).length;
  return head.entries.length === 0 ? added : head.chars + added - 1;
}

function dropFullPages(head: Started, limits: TranscriptLimits): number[] {
  const drop: number[] = [];
  while (head.full.length > 0 && isOver(head, limits)) {
    const [oldest, ...rest] = head.full;
    drop.push(head.page - head.full.length);
    head.full = rest;
    head.dropped += oldest.entries;
  }
  return drop;
}

// Only when the page being filled is over the limits on its own: a rare, long turn with large cards.
// The entries are this append's own array, so they are shortened in place.
function dropOldestEntries(head: Started, limits: TranscriptLimits): void {
  while (head.entries.length > 1 && isOver(head, limits)) {
    head.chars -= JSON.stringify(head.entries.shift()).length + 1;
    head.dropped += 1;
  }
}

function isOver(head: Started, limits: TranscriptLimits): boolean {
  const entries = head.full.reduce((n, p) => n + p.entries, head.entries.length);
  const chars = head.full.reduce((n, p) => n + p.chars, head.chars);
  return entries > limits.maxEntries || chars > limits.maxChars;
}
