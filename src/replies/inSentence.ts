/**
 * List lines ("The device's serial number", "A short note…", "Restarted the watch") inside one
 * sentence: each starts in lower case unless its first word is a name or an abbreviation ("NAS…",
 * "iPhone…", "I…"), and they are split by semicolons, as an item may hold a comma.
 */
export function inSentence(items: readonly string[]): string {
  return items.map(lowerFirst).join('; ');
}

function lowerFirst(item: string): string {
  const first = item.split(/[\s,;:]/, 1)[0];
  // A capital then lower case only ("The", "A"), and not "I".
  return /^[A-Z][a-z']*$/.test(first) && first !== 'I' ? item[0].toLowerCase() + item.slice(1) : item;
}
