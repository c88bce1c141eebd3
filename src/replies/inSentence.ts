/**
 * List lines ("The device's serial number", "Restarted the watch") inside one sentence: each starts
 * in lower case unless it starts with a name ("NAS…", "iPhone…"), and they are split by semicolons,
 * as an item may hold a comma.
 */
export function inSentence(items: readonly string[]): string {
  return items.map((item) => (/^[A-Z][a-z]/.test(item) ? item[0].toLowerCase() + item.slice(1) : item)).join('; ');
}
