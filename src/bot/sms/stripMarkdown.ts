/**
 * Markdown → plain text for channels that show every character as typed (SMS, the terminal).
 * Links keep their address ("[label](url)" → "label: url"), emphasis and code marks go, headings and
 * quotes lose their marker, and bullets become "- ". Text without Markdown comes back unchanged.
 */
export function stripMarkdown(text: string): string {
  // Backslash-escaped characters are kept aside (and put back at the end) so nothing below reads them as Markdown: \* → *.
  const escaped: string[] = [];
  let s = text.replace(/\r\n?/g, '\n').replace(/\\([\\`*_{}[\]()#+\-.!>~|<])/g, (_m, ch: string) => `\uE000${escaped.push(ch) - 1}\uE001`);
  // Code fences: keep the code, drop the fence lines.
  s = s.replace(/^[ \t]*(```|~~~).*$\n?/gm, '');
  // Images and links: "label: url", or just the url when the label is the url (or empty).
  s = s.replace(/!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/g, (_m, label: string, url: string) => linkText(label, url));
  // Autolinks <https://…> and <mailto:…>.
  s = s.replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1');
  // A few HTML tags people paste: line breaks become new lines, the rest go.
  s = s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/?(?:b|i|u|em|strong|p|span|code|s|del)\b[^>]*>/gi, '');
  s = s
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return ''; // horizontal rule
      return line
        .replace(/^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/, '$1') // heading
        .replace(/^\s{0,3}(?:>\s?)+/, '') // quote
        .replace(/^(\s*)[*+•]\s+/, '$1- '); // bullet
    })
    .join('\n');
  // Addresses are kept aside too, so "https://example.com/_x_/" or "my_name@example.com" stay as they are.
  s = s.replace(/\b(?:https?:\/\/|mailto:)[^\s<>*`~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => {
    const [, address, after] = /^(.*?)([_.,;:!?)]*)$/.exec(m)!;
    return `\uE000${escaped.push(address) - 1}\uE001${after}`;
  });
  // Emphasis, strike-through, inline code. Single * and _ only when they wrap words, so snake_case and 2 * 3 survive.
  s = s
    .replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '$1')
    .replace(/__(?=\S)([^_\n]*?\S)__/g, '$1')
    .replace(/~~(?=\S)([^~\n]*?\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2');
  return s.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => escaped[Number(i)]);
}

function linkText(label: string, url: string): string {
  const l = label.trim();
  if (!l || l === url || `mailto:${l}` === url) return url;
  return `${l}: ${url}`;
}
