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
  /** The device the message's words point to when it names none ("port forwarding" → nas). */
  impliedProduct?: string;
}

interface AliasEntry {
  phrase: string;
  product: string;
  brand?: string;
}

/** Finds the device, brand and error code named in a message, using the catalogue's aliases. */
export class EntityExtractor {
  private readonly aliases: AliasEntry[];
  private readonly unsupported: string[];

  constructor(
    catalogue: Catalogue,
    private readonly knownCodes: ReadonlySet<string>,
    private readonly speller: SpellingCorrector,
    private readonly hints: ReadonlyMap<string, string> = new Map(),
  ) {
    const entries: AliasEntry[] = [
      ...catalogue.products.flatMap((p) => p.aliases.map((a) => ({ phrase: phraseOf(a), product: p.id }))),
      ...catalogue.brands.flatMap((b) => b.aliases.map((a) => ({ phrase: phraseOf(a), product: b.product, brand: b.id }))),
    ];
    // Longest first, so "my cloud home" wins over "cloud" and a brand's model over a bare word.
    this.aliases = entries.filter((e) => e.phrase.trim()).sort((a, b) => b.phrase.length - a.phrase.length);
    this.unsupported = catalogue.unsupportedDevices.map(phraseOf).filter((p) => p.trim());
  }

  extract(text: string): Entities {
    const raw = words(text);
    const corrected = raw.map((w) => this.speller.correct(w));
    const entities: Entities = {};
    const code = findErrorCode(text, this.knownCodes);
    if (code) entities.errorCode = code;
    const other = this.unsupported.find((p) => ` ${raw.join(' ')} `.includes(` ${p} `));
    if (other) entities.unsupported = other;
    // "quartz watch" is not a smartwatch: the unsupported phrase is taken out before looking for devices.
    const without = (ws: string[]) => (other ? ` ${ws.join(' ')} `.replace(` ${other} `, ' | ') : ` ${ws.join(' ')} `);
    const hit = this.findAlias(without(raw)) ?? this.findAlias(without(corrected));
    if (hit) {
      entities.product = hit.product;
      if (hit.brand) entities.brand = hit.brand;
      else {
        // "my samsung smartwatch": the product word matched first only if it is longer; look for a brand too.
        const brand = this.findAlias(without(raw), (e) => e.brand !== undefined && e.product === hit.product);
        if (brand?.brand) entities.brand = brand.brand;
      }
    }
    if (!entities.product && !other) {
      const implied = this.impliedProduct(corrected.join(' '));
      if (implied) entities.impliedProduct = implied;
    }
    return entities;
  }

  /** Whether the catalogue's flows handle this code (the others are only recognised as codes). */
  knowsCode(code: string): boolean {
    return this.knownCodes.has(code);
  }

  // The product whose own words the message uses, when no other product's words appear with them.
  private impliedProduct(text: string): string | undefined {
    const votes = new Set(features(text).map((stem) => this.hints.get(stem)).filter((p) => p !== undefined));
    return votes.size === 1 ? [...votes][0] : undefined;
  }

  private findAlias(haystack: string, accept: (e: AliasEntry) => boolean = () => true): AliasEntry | undefined {
    return this.aliases.find((e) => accept(e) && haystack.includes(` ${e.phrase} `));
  }
}

function phraseOf(alias: string): string {
  return words(alias).join(' ');
}
