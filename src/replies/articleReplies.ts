import type { Article } from '../knowledge/schema';
import type { StepsReply } from './reply';

/** An article as a list of short steps, with its data-loss warning when it has one. */
export function articleSteps(article: Article, intro?: string): StepsReply {
  return {
    kind: 'steps',
    id: `article:${article.id}`,
    title: article.title,
    intro: intro ?? article.summary,
    steps: article.steps,
    warning: article.warning,
    link: article.link,
  };
}
