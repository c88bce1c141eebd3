import type { Knowledge } from '../knowledge';
import { GENERIC_WORDS } from './domainVocabulary';
import { features } from './features';

// A word in one article's symptoms may be there by chance ("something", "help"); one that two
// articles of a product share is that product's. With one article, 47 of 148 development messages
// that name no device were given one; with two, 21, and devices named or implied went 0.982 → 0.991.
const MIN_ARTICLES = 2;

/**
 * Word stems that belong to one product's articles only, in at least two of them ("forward" → nas;
 * "pair" → smartwatch). A message that names no device but uses such words implies the device.
 */
export function productHints(k: Knowledge): Map<string, string> {
  const generic = new Set(features([...GENERIC_WORDS].join(' ')));
  const owners = new Map<string, Set<string>>();
  const articles = new Map<string, number>();
  for (const a of k.articles) {
    for (const stem of new Set(features([a.title, ...a.keywords, ...a.symptoms].join(' ')))) {
      if (generic.has(stem) || stem.startsWith('#') || stem.length < 3) continue;
      owners.set(stem, (owners.get(stem) ?? new Set()).add(a.product));
      articles.set(stem, (articles.get(stem) ?? 0) + 1);
    }
  }
  return new Map([...owners]
    .filter(([stem, products]) => products.size === 1 && articles.get(stem)! >= MIN_ARTICLES)
    .map(([stem, products]) => [stem, [...products][0]]));
}
