import type { StoreItem } from 'botbuilder';

// Not enumerable, so neither JSON.stringify nor an object spread copies it: a copy that is then
// edited can never carry a text that no longer matches it.
const STORED_TEXT = Symbol('storedText');

/**
 * The item's JSON text without its eTag, exactly as the store holds it, carried beside the item so
 * that it is serialised once rather than again by each layer (the state's change check, the store).
 * Set it only on an item nobody edits afterwards: just read, or about to be written.
 */
export function withStoredText<T extends StoreItem>(item: T, text: string): T {
  return Object.defineProperty(item, STORED_TEXT, { value: text, enumerable: false });
}

/** The text set by withStoredText, if any. */
export function storedTextOf(item: StoreItem): string | undefined {
  return (item as { [STORED_TEXT]?: string })[STORED_TEXT];
}
