import type { Catalogue } from '../knowledge/schema';
import { findErrorCode } from './errorCode';
import { features } from './features';
import { words } from './normalise';
import type { SpellingCorrector } from './spelling';

export interface Entities {
  product?: string;
  brand?: string;
  errorCode?: string;
  /** A device the bot does not support ("printer", "tv"), as named in the catalogue. */
  unsupported?: string;
  /** A companion device named as what the message is about ("my laptop won't charge"), not as the other end ("sync with my phone"). */
  companion?: string;
  /** The device the message's words point to when it names none ("port forwarding" → nas). */
  impliedProduct?: string;
}

interface AliasEntry {
  phrase: string;
  product: string;
  brand?: string;
}

/** Where a catalogue phrase occurs in a message: its words from `start`, `length` of them. */
interface Match<T> {
  entry: T;
  start: number;
  length: number;
}

/** Finds the device, brand and error code named in a message, using the catalogue's aliases. */
export class EntityExtractor {
  private readonly aliases = new PhraseIndex<AliasEntry>();
  private readonly unsupported = new PhraseIndex<string>();
  /** Companion device names, and phrases holding one that are not the device (entry undefined). */
  private readonly companions = new PhraseIndex<string | undefined>();
  private readonly links: Links;

  constructor(
    catalogue: Catalogue,
    private readonly knownCodes: ReadonlySet<string>,
    private readonly speller: SpellingCorrector,
    private readonly hints: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const p of catalogue.products) p.aliases.forEach((a) => this.aliases.add(phraseOf(a), { phrase: phraseOf(a), product: p.id }));
    for (const b of catalogue.brands) b.aliases.forEach((a) => this.aliases.add(phraseOf(a), { phrase: phraseOf(a), product: b.product, brand: b.id }));
    for (const d of catalogue.unsupportedDevices) this.unsupported.add(phraseOf(d), phraseOf(d));
    for (const d of catalogue.companionDevices.notDevices) this.companions.add(phraseOf(d), undefined);
    for (const d of catalogue.companionDevices.names) this.companions.add(phraseOf(d), phraseOf(d));
    this.links = { words: new Set(catalogue.companionDevices.linkWords), fillers: new Set(catalogue.companionDevices.linkFillers) };
  }

  /** `stems`: the message's classifier tokens when the caller has them already (they imply a device). */
  extract(text: string, stems?: string[]): Entities {
    // "my car's bluetooth", "the watch's screen": a possessive names the device it is made from.
    const raw = words(text).map((w) => (w.length > 3 && w.endsWith("'s") ? w.slice(0, -2) : w));
    const corrected = raw.map((w) => this.speller.correct(w));
    const entities: Entities = {};
    const code = findErrorCode(text, this.knownCodes);
    if (code) entities.errorCode = code;
    const other = this.unsupported.longest(raw);
    if (other) entities.unsupported = other.entry;
    const companions = this.companions.all(raw);
    const companion = companionSubject(companions, raw, this.links);
    if (companion) entities.companion = companion;
    // "quartz watch" is not a smartwatch: the words of an unsupported device are not searched for devices.
    const notInOther = (m: Match<AliasEntry>) => !other || m.start + m.length <= other.start || m.start >= other.start + other.length;
    // "my samsung phone", "samsung tv": a lone brand word just before another device is that device's brand.
    const otherStarts = [...companions.filter((c) => c.entry !== undefined), ...this.unsupported.all(raw)].map((d) => d.start);
    const brandOfOther = (m: Match<AliasEntry>) => m.length === 1 && otherStarts.some((at) => at > m.start && at - m.start <= BRAND_REACH
      && !raw.slice(m.start + 1, at).some((w) => this.links.words.has(w)));
    const outside = (m: Match<AliasEntry>) => notInOther(m) && !brandOfOther(m);
    const hit = this.aliases.longest(raw, outside) ?? this.aliases.longest(corrected, outside);
    if (hit) {
      entities.product = hit.entry.product;
      // "my samsung smartwatch": the longer product word matched first; look for a brand of it too.
      const brand = hit.entry.brand ?? this.aliases.longest(raw, (m) => outside(m) && m.entry.product === hit.entry.product && m.entry.brand !== undefined)?.entry.brand;
      if (brand) entities.brand = brand;
    }
    if (!entities.product && !other) {
      const implied = this.impliedProduct(stems ?? features(corrected.join(' ')));
      if (implied) entities.impliedProduct = implied;
    }
    return entities;
  }

  /** Whether the catalogue's flows handle this code (the others are only recognised as codes). */
  knowsCode(code: string): boolean {
    return this.knownCodes.has(code);
  }

  // The product whose own words the message uses, when no other product's words appear with them.
  private impliedProduct(stems: string[]): string | undefined {
    const votes = new Set(stems.map((stem) => this.hints.get(stem)).filter((p) => p !== undefined));
    return votes.size === 1 ? [...votes][0] : undefined;
  }
}

// How far back a link word (catalogue companionDevices.linkWords: "won't sync w my phone", "can't reach
// the nas from my laptop") makes the device the other end of the problem, over fillers only ("to my work
// laptop"). Anything else between, a verb above all, means the link word belongs to another phrase:
// "tips to keep my laptop battery healthy" is about the laptop.
const LINK_REACH = 3;
// How far a lone brand word may stand before the device it belongs to ("samsung galaxy phone").
const BRAND_REACH = 2;

interface Links {
  words: ReadonlySet<string>;
  fillers: ReadonlySet<string>;
}

// The first companion named as what the message is about: not inside a phrase that is not the
// device ("phone number"), not after a link word.
function companionSubject(matches: Match<string | undefined>[], ws: string[], links: Links): string | undefined {
  const notDevice = matches.filter((m) => m.entry === undefined);
  const inside = (m: Match<unknown>) => notDevice.some((n) => m.start >= n.start && m.start + m.length <= n.start + n.length);
  const linked = (m: Match<unknown>) => {
    for (let k = m.start - 1; k >= Math.max(0, m.start - LINK_REACH); k--) {
      if (links.words.has(ws[k])) return true;
      if (!links.fillers.has(ws[k])) return false;
    }
    return false;
  };
  return matches.find((m) => m.entry !== undefined && !inside(m) && !linked(m))?.entry;
}

/** Catalogue phrases by their words, looked up by the message's word n-grams (not a scan of every alias). */
class PhraseIndex<T> {
  private readonly byPhrase = new Map<string, { entry: T; order: number }>();
  private maxWords = 0;

  add(phrase: string, entry: T): void {
    if (!phrase.trim() || this.byPhrase.has(phrase)) return;
    this.byPhrase.set(phrase, { entry, order: this.byPhrase.size });
    this.maxWords = Math.max(this.maxWords, phrase.split(' ').length);
  }

  /** Every phrase in the words, in the order they occur (the longer first where two start together). */
  all(ws: string[]): Match<T>[] {
    const found: Match<T>[] = [];
    for (let start = 0; start < ws.length; start++) {
      for (let length = Math.min(this.maxWords, ws.length - start); length >= 1; length--) {
        const hit = this.byPhrase.get(ws.slice(start, start + length).join(' '));
        if (hit) found.push({ entry: hit.entry, start, length });
      }
    }
    return found;
  }

  /** The longest phrase in the words (the earliest listed on a tie), among the matches `accept` allows. */
  longest(ws: string[], accept: (m: Match<T>) => boolean = () => true): Match<T> | undefined {
    let best: (Match<T> & { chars: number; order: number }) | undefined;
    for (let length = Math.min(this.maxWords, ws.length); length >= 1; length--) {
      for (let start = 0; start + length <= ws.length; start++) {
        const phrase = ws.slice(start, start + length).join(' ');
        const found = this.byPhrase.get(phrase);
        if (!found) continue;
        const m = { entry: found.entry, start, length, chars: phrase.length, order: found.order };
        if (accept(m) && (!best || m.chars > best.chars || (m.chars === best.chars && m.order < best.order))) best = m;
      }
    }
    return best;
  }
}

function phraseOf(alias: string): string {
  return words(alias).join(' ');
}
