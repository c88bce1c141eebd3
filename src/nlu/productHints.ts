import type { Knowledge } from '../knowledge';
import { GENERIC_WORDS } from './domainVocabulary';
import { features } from './features';

/**
 * Word stems that belong to one product's articles only ("port", "forward" → nas; "strap", "pair" →
 * smartwatch). A message that names no device but uses such words implies the device.
 */
export function productHints(k: Knowledge): Map<string, string> {
  const generic = new Set(features([...GENERIC_WORDS].join(' ')));
  const owners = new Map<string, Set<string>>();
  for (const a of k.articles) {
    for (const stem of features([a.title, ...a.keywords, ...a.symptoms].join(' '))) {
      if (generic.has(stem) || stem.startsWith('#') || stem.length < 3) continue;
      owners.set(stem, (owners.get(stem) ?? new Set()).add(a.product));
    }
  }
  return new Map([...owners].filter(([, products]) => products.size === 1).map(([stem, products]) => [stem, [...products][0]]));
}
