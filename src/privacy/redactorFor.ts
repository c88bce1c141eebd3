import type { Knowledge } from '../knowledge';
import { createRedactor, type Redact } from './redact';
import { rememberClean } from './rememberClean';

/** The redactor for this deployment: every word of a product or brand name is kept as it is. */
export function redactorFor(knowledge: Knowledge): Redact {
  const { products, brands } = knowledge.catalogue;
  const names = [...products, ...brands].flatMap((x) => [x.name, ...x.aliases]);
  return rememberClean(createRedactor({ keep: names.flatMap((n) => n.split(/[^\p{L}\p{N}]+/u)).filter(Boolean) }));
}
