import type { Reply } from '../replies/reply';
import type { Wording } from '../replies/wording';
import type { HandoffOutcome } from './handoff';
import type { HandoffCase } from './handoffCase';

/**
 * What the person is told after a handoff: who has the case and its reference, or, when the
 * helpdesk could not take it, the contacts to use instead. The case summary comes last either way.
 */
export function handoffReplies(outcome: HandoffOutcome, c: HandoffCase, wording: Wording, contacts: Reply[]): Reply[] {
  const text = (id: string): Reply => ({ kind: 'text', id, text: wording.say(id, { reference: c.reference }) });
  const replies: Reply[] = [];
  if (outcome.event) replies.push(text('handoff.event'));
  if (outcome.ticket === 'sent') replies.push(text('handoff.ticket_sent'));
  if (outcome.ticket === 'queued') replies.push(text('handoff.ticket_queued'), ...contacts);
  if (outcome.ticket === 'failed') replies.push(text('handoff.ticket_failed'), ...contacts);
  return [...replies, c.summary];
}
