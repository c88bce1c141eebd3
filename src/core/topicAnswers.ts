import type { DateTime } from 'luxon';
import type { StatusResult } from '../flow/flowState';
import type { Article, IntentName } from '../knowledge/schema';
import { articleSteps } from '../replies/articleReplies';
import type { Reply } from '../replies/reply';
import type { SupportCore } from './supportCore';

export interface AnswerContext {
  product?: string;
  brand?: string;
  now: DateTime;
  zone?: string;
  region?: string;
}

/**
 * Answers that are the same wherever they are asked (at the start or in the middle of a flow):
 * contacts, repair centres, prevention tips, service status, how-to articles. Pure functions.
 */
export function contactAnswer(core: SupportCore, c: AnswerContext): Reply[] {
  const manufacturers = c.brand
    ? [core.lookup.manufacturer(c.brand)].filter((m) => m !== undefined)
    : core.knowledge.contacts.manufacturers.filter((m) => core.lookup.brand(m.brand)?.product === c.product).slice(0, 3);
  const replies: Reply[] = [];
  if (manufacturers.length > 0) {
    replies.push({
      kind: 'contacts',
      id: 'contact.manufacturer',
      title: core.wording.say(c.brand ? 'contact.intro_brand' : 'contact.intro_any', { brand: core.lookup.brand(c.brand)?.name }),
      contacts: manufacturers.map((m) => core.contacts.manufacturer(m, c.now, c.zone)),
    });
  } else {
    replies.push({ kind: 'text', id: 'contact.no_brand', text: core.wording.say('contact.no_brand') });
  }
  // What to have ready is only worth saying once the device is known (every product has contact advice).
  if (c.product) replies.push({ kind: 'text', id: 'contact.have_ready', text: core.wording.say('contact.have_ready') });
  return replies;
}

export function repairAnswer(core: SupportCore, c: AnswerContext): Reply[] {
  const product = c.product!;
  const centres = core.lookup.repairCentres(product, c.brand, c.region).slice(0, 3);
  const replies: Reply[] = [];
  if (centres.length > 0) {
    replies.push({
      kind: 'contacts',
      id: 'repair.centres',
      title: core.wording.say('repair.intro', { brand: core.lookup.brand(c.brand)?.name ?? core.lookup.product(product)?.name }),
      contacts: centres.map((r) => core.contacts.repairCentre(r, c.now, c.zone)),
    });
  } else {
    replies.push({ kind: 'text', id: 'repair.none', text: core.wording.say('repair.none') });
  }
  replies.push({
    kind: 'summary',
    id: 'repair.questions',
    title: core.wording.say('repair.questions_title'),
    lines: core.knowledge.contacts.questionsForRepairShop,
  });
  return replies;
}

export function preventionAnswer(core: SupportCore, product: string): Reply[] {
  return core.lookup.topicArticles(product, 'prevention').map((a) => articleSteps(a));
}

// The best fix article must fit this well, and this much better than the best prevention article.
const CLEAR_FIX_SCORE = 0.6;
const CLEAR_FIX_MARGIN = 0.2;

/**
 * A fix article that answers a prevention question better than the tips do. Measured on hand-picked
 * questions: "how do I set a fixed IP for my NAS" finds the fixed-IP article at 0.85 against 0.59 for
 * the tips; "how do I keep my garmin watch from getting error 1002 again" a sync article at 0.63
 * against 0.58, and "…never comes back" one at 0.43: both get the tips.
 */
function clearFix(core: SupportCore, text: string, product?: string): Article | undefined {
  const hits = core.search.search(text, { product, limit: core.knowledge.articles.length });
  const [fix] = hits.filter((h) => h.article.topic !== 'prevention' && h.article.kind !== 'cause');
  const tips = hits.find((h) => h.article.topic === 'prevention')?.score ?? 0;
  return fix && fix.score >= CLEAR_FIX_SCORE && fix.score - tips >= CLEAR_FIX_MARGIN ? fix.article : undefined;
}

export function statusAnswer(core: SupportCore, result: StatusResult, c: AnswerContext): Reply[] {
  const page = core.lookup.statusPage(c.product ?? 'nas', c.brand);
  const id = result === 'up' ? 'status.up' : result === 'outage' ? 'status.outage' : page ? 'status.unknown' : 'status.unknown_no_page';
  return [{ kind: 'text', id, text: core.wording.say(id, { page }) }];
}

/**
 * A how-to question answered with one article, if one fits well: "how do I enable cloud access?"
 * (troubleshoot); or "how do I give my NAS a fixed IP?", which reads as prevention, when one fix article
 * answers it clearly better than the prevention tips (otherwise the tips are the answer).
 */
export function howToAnswer(core: SupportCore, intent: IntentName, text: string, product?: string, options: HowToOptions = {}): Reply[] | undefined {
  if (!core.howToOpenings.begins(text)) return undefined;
  const article = intent === 'prevention' ? clearFix(core, text, product) : intent === 'troubleshoot' ? bestFit(core, text, product, options.minScore) : undefined;
  if (!article) return undefined;
  // In a flow the waiting question follows; "tell me about the error" would be said to someone already doing so.
  return options.inFlow ? [articleSteps(article)] : articleAnswer(core, article);
}

export interface HowToOptions {
  /** The search score the best article needs (troubleshoot questions). */
  minScore?: number;
  /** Asked in the middle of a flow. */
  inFlow?: boolean;
}

function bestFit(core: SupportCore, text: string, product: string | undefined, minScore = HOW_TO_MIN_SCORE): Article | undefined {
  const [best] = core.search.search(text, { product, kinds: ['fix', 'info'] });
  return best && best.score >= minScore ? best.article : undefined;
}

// Below this the best article is a guess; the bot asks instead of answering.
const HOW_TO_MIN_SCORE = 0.35;
/**
 * For a question in the middle of a flow, where a wrong article would derail it: only a clear match.
 * Checked on mid-flow questions: the right article scored 0.87–0.99 ("what does upnp do"), a wrong
 * one 0.24–0.36 ("can i watch netflix on it").
 */
export const CLEAR_HOW_TO_SCORE = 0.6;

function articleAnswer(core: SupportCore, article: Article): Reply[] {
  return [articleSteps(article), { kind: 'text', id: 'article.more', text: core.wording.say('article.more') }];
}
