import { table } from '../eval/evalReport';
import type { ConversationStats } from './conversationStats';
import { stepLabel } from './flowFunnel';
import { FIX_SUCCESS_CHART, funnelChartFile } from './reportCharts';
import type { SupportSummary } from './supportSummary';

export interface ReportMeta {
  generatedAt: string;
  /** Where the events came from, e.g. "sqlite /var/lib/support.sqlite". */
  source: string;
}

/** The Markdown report `npm run report` writes to reports/support-report.md. */
export function supportReport(s: SupportSummary, meta: ReportMeta): string {
  const t = s.totals;
  return [
    '# Support report',
    '',
    `Generated ${meta.generatedAt} by \`npm run report\` from ${meta.source}. ` +
      `Range: ${s.range.since ?? 'the first event'} to ${s.range.until ?? 'the last event'}` +
      (s.first ? ` (events from ${s.first} to ${s.last}).` : ' (no events).'),
    '',
    '## Overview',
    '',
    table(['measure', 'value'], [
      ['conversations', String(t.conversations)],
      ['troubleshooting conversations (a flow started)', String(t.troubleshooting)],
      ['resolution rate: the person said a fix worked', `${pct(t.resolved, t.troubleshooting)} of troubleshooting (${t.resolved}); ${pct(t.resolved, t.conversations)} of all`],
      ['containment: no person asked for', `${pct(t.contained, t.conversations)} (${t.contained})`],
      ['escalations: fixes ran out, warranty checked, then contacts or a person', `${t.escalated}${breakdown(s.escalations)}`],
      ['handoffs to a person', `${t.handedOff}${breakdown(s.handoffs)}`],
      ['messages', `${t.messages} (${t.answers} of them answers to the bot's questions)`],
      ['out of scope', `${t.outOfScope} (${pct(t.outOfScope, t.messages)} of messages)`],
      ['not understood (out of scope or unsure)', `${t.notUnderstood} (${pct(t.notUnderstood, t.messages)} of messages)`],
    ]),
    '',
    '## By channel',
    '',
    table(['channel', 'conversations', 'troubleshooting', 'resolution rate', 'containment', 'escalations', 'not understood'],
      s.channels.map(({ channel, stats }) => [channel, ...channelRow(stats)])),
    '',
    '## Funnel per flow',
    '',
    'How many conversations reached each step, how many were fixed there, and how many went quiet there ' +
      '(the last step shown, with no end of the flow after it). Steps in the flow file\'s order.',
    '',
    ...s.funnels.flatMap((f) => [
      `### ${f.flow}`,
      '',
      `${f.started} conversations started it: ${f.outcomes.resolved} resolved, ${f.outcomes.exhausted} ran out of fixes, ` +
        `${f.outcomes.outage} ended in a provider outage, ${f.started - f.outcomes.resolved - f.outcomes.exhausted - f.outcomes.outage} did not finish.`,
      '',
      `![funnel ${f.flow}](${funnelChartFile(f.flow)})`,
      '',
      table(['step', 'reached', 'fixed here', 'left here'], f.steps.map((st) => [stepLabel(st), String(st.reached), String(st.fixedHere), String(st.leftHere)])),
      '',
    ]),
    '## Fix success',
    '',
    'Success rate = fixed / tried, where tried counts "fixed" and "still broken"; skipped, already done and declined are no try.',
    '',
    `![fix success](${FIX_SUCCESS_CHART})`,
    '',
    table(['flow', 'fix', 'tried', 'fixed', 'success rate', 'skipped', 'already done', 'declined'],
      s.fixes.map((x) => [x.flow, x.fix, String(x.tried), String(x.fixed), pct(x.fixed, x.tried), String(x.skipped), String(x.already), String(x.declined)])),
    '',
    '## Intents',
    '',
    'What people asked for: the intents of the messages that were no answer to one of the bot\'s questions.',
    '',
    table(['intent', 'messages'], s.intents.map((i) => [i.intent, String(i.count)])),
    '',
    '## Most frequent messages the bot did not understand',
    '',
    'Redacted and normalised; candidates for new training phrases (knowledge/nlu/).',
    '',
    s.notUnderstood.length ? table(['message', 'times'], s.notUnderstood.map((m) => [cell(m.text), String(m.count)])) : 'None.',
    '',
  ].join('\n');
}

/** The few lines `npm run report` prints. */
export function summaryLines(s: SupportSummary): string[] {
  const t = s.totals;
  const row = (name: string, value: string) => `${name.padEnd(34)} ${value}`;
  return [
    row('events', s.first ? `${s.first} … ${s.last}` : 'none in range'),
    row('conversations', `${t.conversations} (${t.troubleshooting} troubleshooting)`),
    row('resolution rate', `${pct(t.resolved, t.troubleshooting)} of troubleshooting (${t.resolved}), ${pct(t.resolved, t.conversations)} of all`),
    row('containment (no handoff)', `${pct(t.contained, t.conversations)} (${t.contained})`),
    row('escalations', `${t.escalated}${breakdown(s.escalations)}`),
    row('handoffs', `${t.handedOff}${breakdown(s.handoffs)}`),
    row('messages', `${t.messages}; out of scope ${pct(t.outOfScope, t.messages)}; not understood ${pct(t.notUnderstood, t.messages)}`),
    ...s.channels.map(({ channel, stats }) => row(`  ${channel}`, `${stats.conversations} conversations, resolution ${pct(stats.resolved, stats.troubleshooting)}, containment ${pct(stats.contained, stats.conversations)}`)),
    ...s.funnels.map((f) => row(`flow ${f.flow}`, `${f.started} started, ${f.outcomes.resolved} resolved, ${f.outcomes.exhausted} exhausted, ${f.outcomes.outage} outage`)),
    ...s.fixes.filter((x) => x.tried > 0).map((x) => row(`  fix ${x.fix}`, `${pct(x.fixed, x.tried)} (${x.fixed}/${x.tried})`)),
    row('top not understood', s.notUnderstood.slice(0, 3).map((m) => `"${m.text}" ×${m.count}`).join(', ') || 'none'),
  ];
}

function channelRow(c: ConversationStats): string[] {
  return [String(c.conversations), String(c.troubleshooting), pct(c.resolved, c.troubleshooting), pct(c.contained, c.conversations), String(c.escalated), String(c.notUnderstood)];
}

/** "45.5%", or "–" when there is nothing to divide by. */
export function pct(n: number, of: number): string {
  return of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–';
}

function breakdown(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([k, n]) => `${k} ${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Text from a person inside a Markdown table: no pipes or line breaks that would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
}
