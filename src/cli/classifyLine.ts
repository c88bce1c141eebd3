import type { SupportCore } from '../core/supportCore';

/** The stable shape `classify` prints for one message; quality tooling depends on it. */
export interface ClassifyResult {
  text: string;
  intent: string;
  confidence: number;
  entities: { product: string | null; brand: string | null; errorCode: string | null };
  articles: { id: string; title: string; product: string; score: number }[];
}

export function classifyLine(core: SupportCore, text: string): ClassifyResult {
  const u = core.understander.understand(text);
  const hits = core.search.search(text, { product: u.entities.product, limit: 3 });
  return {
    text,
    intent: u.intent,
    confidence: Math.round(u.confidence * 1000) / 1000,
    entities: { product: u.entities.product ?? null, brand: u.entities.brand ?? null, errorCode: u.entities.errorCode ?? null },
    articles: hits.map((h) => ({ id: h.article.id, title: h.article.title, product: h.article.product, score: h.score })),
  };
}
