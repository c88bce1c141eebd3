import { DateTime } from 'luxon';
import type { SupportCore } from '../core/supportCore';
import type { FixOutcome } from '../flow/flowState';
import type { CaseFacts } from '../replies/caseSummary';
import { purchaseLabel } from '../replies/purchaseLabel';
import { warrantyLabel } from '../replies/warrantyReplies';
import { warrantyStatus } from '../warranty/warrantyStatus';

/** What the bot knows when a person asks for a human, wherever in the conversation that is. */
export interface KnownCase {
  product?: string;
  brand?: string;
  tried: Record<string, FixOutcome>;
  /** From the person's profile: ISO dates, a range for a vague date. */
  purchase?: { earliest: string; latest: string; product?: string };
}

/**
 * The case summary's facts without a finished flow: the device's flow gives the checklist, the
 * remembered purchase date gives the warranty. Unknown parts say "not given" / "not checked".
 */
export function caseFactsFor(core: SupportCore, known: KnownCase): CaseFacts {
  const { lookup, wording } = core;
  const flow = lookup.flow(known.product);
  const bought = known.purchase && known.product && known.purchase.product === known.product ? known.purchase : undefined;
  const earliest = bought && DateTime.fromISO(bought.earliest, { setZone: true });
  const latest = bought && DateTime.fromISO(bought.latest, { setZone: true });
  const status = earliest && latest
    ? warrantyStatus(core.knowledge.warranty, { product: known.product!, brand: known.brand, earliest, latest, now: core.now() })
    : undefined;
  return {
    device: lookup.product(known.product)?.name ?? wording.say('summary.not_given'),
    brand: lookup.brand(known.brand)?.name,
    errorCode: flow?.errorCode ?? lookup.defaultErrorCode,
    checklist: flow?.checklist ?? {},
    tried: known.tried,
    purchase: earliest && latest ? purchaseLabel(earliest, latest) : undefined,
    warranty: warrantyLabel(status, wording),
  };
}
