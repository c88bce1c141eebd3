import type { CaseFacts } from '../replies/caseSummary';
import type { Wording } from '../replies/wording';
import { entryText, type TranscriptEntry } from '../transcripts/transcriptEntry';
import type { HandoffCase } from './handoffCase';
import type { TicketValues } from './ticketTemplate';

/** Everything a ticket template can ask for, from the case and the (already redacted) transcript. */
export function ticketValues(c: HandoffCase, transcript: TranscriptEntry[], wording: Wording): TicketValues {
  const { facts, summary } = c;
  const lines = transcript.map((e) => ({ from: e.from.role, at: e.timestamp, text: entryText(e) }));
  return {
    reference: c.reference,
    reason: c.reason,
    channel: c.channel,
    conversation: c.conversation,
    createdAt: c.createdAt,
    subject: wording.say('handoff.ticket_subject', { code: facts.errorCode, device: facts.brand ? `${facts.brand} ${facts.device}` : facts.device }),
    summary: [summary.title, ...summary.lines].join('\n'),
    summaryLines: summary.lines,
    ...caseFields(facts),
    transcript: lines,
    transcriptText: lines.map((l) => `${l.from}: ${l.text}`).join('\n'),
  };
}

/** Each step of the device's checklist and how it went. */
/** The case's facts as the agent hub and the ticket both carry them. */
export function caseFields(facts: CaseFacts) {
  return {
    device: facts.device,
    brand: facts.brand,
    errorCode: facts.errorCode,
    purchase: facts.purchase,
    warranty: facts.warranty,
    tried: triedSteps(facts),
  };
}

function triedSteps(facts: CaseFacts): { fix: string; step: string; outcome: string }[] {
  return Object.entries(facts.checklist).map(([fix, step]) => ({ fix, step, outcome: facts.tried[fix] ?? 'not_tried' }));
}
