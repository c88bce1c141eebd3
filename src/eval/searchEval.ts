import type { SupportCore } from '../core/supportCore';
import type { SearchQuestion } from './evalData';

export interface SearchEvaluation {
  size: number;
  top1: number;
  top3: number;
  /** Mean reciprocal rank of the right article within the first ten results. */
  mrr: number;
  misses: { question: SearchQuestion; got: string[] }[];
}

const DEPTH = 10;

/**
 * Searches each question the way the bot does (limited to the device the message names, if any)
 * and scores where the labelled article lands.
 */
export function evaluateSearch(core: SupportCore, questions: SearchQuestion[]): SearchEvaluation {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  const misses: SearchEvaluation['misses'] = [];
  for (const question of questions) {
    const { product } = core.understander.understand(question.text).entities;
    const ids = core.search.search(question.text, { product, limit: DEPTH }).map((h) => h.article.id);
    const rank = ids.indexOf(question.article) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) reciprocal += 1 / rank;
    if (rank !== 1) misses.push({ question, got: ids.slice(0, 3) });
  }
  const n = questions.length || 1;
  return { size: questions.length, top1: top1 / n, top3: top3 / n, mrr: reciprocal / n, misses };
}
