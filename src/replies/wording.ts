/**
 * The bot's wording by id, from knowledge/responses/. Placeholders look like {name}; a missing
 * value leaves the placeholder out rather than printing "undefined".
 */
export class Wording {
  constructor(private readonly responses: Record<string, string | string[]>) {}

  has(id: string): boolean {
    return id in this.responses;
  }

  /** The text for `id`; `variant` picks among alternatives (e.g. a turn counter) so repeats vary. */
  say(id: string, values: Record<string, string | number | undefined> = {}, variant = 0): string {
    const entry = this.responses[id];
    if (entry === undefined) throw new Error(`no response with id "${id}" in knowledge/responses`);
    const text = Array.isArray(entry) ? entry[variant % entry.length] : entry;
    return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? '')).replace(/ {2,}/g, ' ').trim();
  }
}
