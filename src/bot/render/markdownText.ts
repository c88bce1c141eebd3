import type { ContactEntry, StepsReply, SummaryReply } from '../../replies/reply';
import type { RenderLabels } from './renderLabels';

// Text layouts shared by the renderers. `rich` adds Markdown; plain text must survive SMS.

export function stepsText(r: StepsReply, rich: boolean, labels: RenderLabels): string {
  const gap = rich ? '\n\n' : '\n';
  const blocks = [
    rich ? `**${r.title}**` : r.title,
    r.intro,
    r.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    r.warning && (rich ? `⚠️ ${r.warning}` : labels.warning(r.warning)),
    r.link && (rich ? `[${labels.moreDetails}](${r.link})` : r.link),
  ];
  return blocks.filter(Boolean).join(gap);
}

export function summaryText(r: SummaryReply, rich: boolean): string {
  const title = rich ? `**${r.title}**` : r.title;
  return [title, ...r.lines.map((l) => (rich ? `- ${l}` : l))].join('\n');
}

export function contactText(c: ContactEntry, labels: RenderLabels): string {
  return [
    c.name,
    c.note,
    c.phone && labels.phone(c.phone),
    c.email && labels.email(c.email),
    ...c.links.map((l) => `${l.label}: ${l.url}`),
    c.hours,
  ].filter(Boolean).join('\n');
}
