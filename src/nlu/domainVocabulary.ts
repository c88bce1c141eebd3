import type { Knowledge } from '../knowledge';
import { features } from './features';

// Words that appear in articles but say nothing about this domain on their own.
export const GENERIC_WORDS = new Set(['how', 'what', 'get', 'keep', 'work', 'not', "won't", "can't", 'new', 'use', 'up', 'on', 'off', 'back',
  'again', 'turn', 'check', 'try', 'make', 'sure', 'your', 'you', 'with', 'from', 'after', 'before', 'good', 'best', 'buy', 'screen',
  'wifi', 'router', 'password', 'phone', 'app', 'apps', 'clean', 'photos', 'data']);

/**
 * Stems of the words that belong to this domain: product and brand names, article titles,
 * keywords and symptoms. A message with none of them is not about a supported device.
 */
export function domainVocabulary(k: Knowledge): Set<string> {
  const texts = [
    ...k.catalogue.products.flatMap((p) => p.aliases),
    ...k.catalogue.brands.flatMap((b) => b.aliases),
    ...k.articles.flatMap((a) => [a.title, ...a.keywords, ...a.symptoms]),
  ];
  const genericStems = new Set(features([...GENERIC_WORDS].join(' ')));
  return new Set(texts.flatMap((t) => features(t)).filter((s) => !genericStems.has(s) && s.length > 2));
}
