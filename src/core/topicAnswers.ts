import type { DateTime } from 'luxon';
import type { StatusResult } from '../flow/flowState';
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

export function statusAnswer(core: SupportCore, result: StatusResult, c: AnswerContext): Reply[] {
  const page = core.lookup.statusPage(c.product ?? 'nas', c.brand);
  const id = result === 'up' ? 'status.up' : result === 'outage' ? 'status.outage' : page ? 'status.unknown' : 'status.unknown_no_page';
  return [{ kind: 'text', id, text: core.wording.say(id, { page }) }];
}

/** A free question ("how do I enable cloud access?") answered with the best article, if one fits well. */
export function howToAnswer(core: SupportCore, text: string, product?: string): Reply[] | undefined {
  const [best] = core.search.search(text, { product, kinds: ['fix', 'info'] });
  if (!best || best.score < HOW_TO_MIN_SCORE) return undefined;
  return [articleSteps(best.article), { kind: 'text', id: 'article.more', text: core.wording.say('article.more') }];
}

// Below this the best article is a guess; the bot asks instead of answering.
const HOW_TO_MIN_SCORE = 0.35;

export function isHowToQuestion(text: string): boolean {
  return /^\s*(how (do|can|to|should)|where (do|can|is)|what('s| is| does)|can i|is there a way|steps to)\b/i.test(text);
}
