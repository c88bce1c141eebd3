import type { WarrantyTerms } from '../knowledge/schema';
import type { WarrantyStatus } from '../warranty/warrantyStatus';
import { inSentence } from './inSentence';
import type { Reply } from './reply';
import type { Wording } from './wording';

const DATE = 'd LLLL yyyy';

/** What the warranty check means for the person, plus what is not covered and what to bring. */
export function warrantyReplies(status: WarrantyStatus, terms: WarrantyTerms, wording: Wording): Reply[] {
  const verdict = status.status === 'covered'
    ? wording.say('warranty.covered', { months: status.months, date: status.endsOn.toFormat(DATE), days: status.daysLeft })
    : status.status === 'expired'
      ? wording.say('warranty.expired', { months: status.months, date: status.endedOn.toFormat(DATE), days: status.daysSince })
      : wording.say('warranty.borderline', { months: status.months, from: status.earliestEnd.toFormat(DATE), to: status.latestEnd.toFormat(DATE) });
  return [
    { kind: 'text', id: `warranty.${status.status}`, text: verdict },
    { kind: 'summary', id: 'warranty.terms', title: wording.say('warranty.not_covered_title'), lines: [...terms.notCovered, wording.say('warranty.bring', { items: inSentence(terms.bring) })] },
  ];
}

export function warrantyLabel(status: WarrantyStatus | undefined, wording: Wording): string {
  if (!status) return wording.say('summary.warranty_unknown');
  if (status.status === 'covered') return wording.say('summary.warranty_covered', { date: status.endsOn.toFormat(DATE) });
  if (status.status === 'expired') return wording.say('summary.warranty_expired', { date: status.endedOn.toFormat(DATE) });
  return wording.say('summary.warranty_borderline');
}
