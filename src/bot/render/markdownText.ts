import type { ContactEntry, StepsReply, SummaryReply } from '../../replies/reply';

// Text layouts shared by the renderers. `rich` adds Markdown; plain text must survive SMS.

export function stepsText(r: StepsReply, rich: boolean): string {
  const gap = rich ? '\n\n' : '\n';
  const blocks = [
    rich ? `**${r.title}**` : r.title,
    r.intro,
    r.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    r.warning && `${rich ? '⚠️ ' : 'Warning: '}${r.warning}`,
    r.link && (rich ? `[More details](${r.link})` : r.link),
  ];
  return blocks.filter(Boolean).join(gap);
}

export function summaryText(r: SummaryReply, rich: boolean): string {
  const title = rich ? `**${r.title}**` : r.title;
  return [title, ...r.lines.map((l) => (rich ? `- ${l}` : l))].join('\n');
}

export function contactText(c: ContactEntry): string {
  return [
    c.name,
    c.note,
    c.phone && `Phone: ${c.phone}`,
    c.email && `Email: ${c.email}`,
    ...c.links.map((l) => `${l.label}: ${l.url}`),
    c.hours,
  ].filter(Boolean).join('\n');
}
