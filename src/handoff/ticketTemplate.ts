import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DataError, type DataProblem } from '../knowledge/dataError';

/** What a ticket template may ask for; README in knowledge/handoff/ says what each holds. */
export const TICKET_PLACEHOLDERS = [
  'reference', 'reason', 'channel', 'conversation', 'createdAt', 'subject', 'summary', 'summaryLines',
  'device', 'brand', 'errorCode', 'purchase', 'warranty', 'tried', 'transcript', 'transcriptText',
] as const;

export type Placeholder = (typeof TICKET_PLACEHOLDERS)[number];
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type TicketValues = Record<Placeholder, Json | undefined>;

const TOKEN = /\{\{\s*([A-Za-z]\w*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z]\w*)\s*\}\}$/;
const KNOWN = new Set<string>(TICKET_PLACEHOLDERS);

/**
 * The helpdesk's ticket as a JSON template whose string values hold {{placeholders}}. Filling
 * works on the parsed JSON, never on its text: a value that is exactly one placeholder becomes
 * that value (a list stays a list, a missing one null), a placeholder inside other text becomes
 * text, and JSON.stringify escapes everything a person typed.
 */
export class TicketTemplate {
  private constructor(private readonly template: Json) {}

  /** Reads and checks a template file; problems name the file and line. */
  static load(file: string, root = process.cwd()): TicketTemplate {
    const name = relative(root, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new DataError([{ file: name, message: `cannot read the ticket template (${(err as NodeJS.ErrnoException).code ?? 'error'})` }]);
    }
    return TicketTemplate.parse(text, name);
  }

  static parse(text: string, name: string): TicketTemplate {
    let template: Json;
    try {
      template = JSON.parse(text) as Json;
    } catch (err) {
      const at = /position (\d+)/.exec((err as Error).message);
      throw new DataError([{ file: name, line: at ? lineAt(text, Number(at[1])) : undefined, message: `not valid JSON: ${(err as Error).message}` }]);
    }
    const problems = checkTemplate(template, text, name);
    if (problems.length > 0) throw new DataError(problems);
    return new TicketTemplate(template);
  }

  fill(values: TicketValues): Json {
    return fillNode(this.template, values);
  }
}

function checkTemplate(template: Json, text: string, file: string): DataProblem[] {
  if (!template || typeof template !== 'object' || Array.isArray(template)) return [{ file, line: 1, message: 'the ticket template must be a JSON object' }];
  const problems: DataProblem[] = [];
  const problem = (found: string, message: string) => problems.push({ file, line: lineAt(text, text.indexOf(found)), message });
  const walk = (node: Json, path: string) => {
    if (typeof node === 'string') {
      for (const [token, placeholder] of node.matchAll(TOKEN)) {
        if (!KNOWN.has(placeholder)) problem(token, `${path}: unknown placeholder ${token} (known: ${TICKET_PLACEHOLDERS.join(', ')})`);
      }
      if (/\{\{|\}\}/.test(node.replace(TOKEN, ''))) problem(node, `${path}: a "{{" or "}}" that is not a placeholder like {{subject}}`);
    } else if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k.includes('{{')) problem(k, `${path}.${k}: placeholders go in values, not in names`);
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(template, '$');
  return problems;
}

function fillNode(node: Json, values: TicketValues): Json {
  if (typeof node === 'string') {
    const whole = WHOLE.exec(node);
    if (whole) return values[whole[1] as Placeholder] ?? null;
    return node.replace(TOKEN, (_t, p: string) => asText(values[p as Placeholder]));
  }
  if (Array.isArray(node)) return node.map((v) => fillNode(v, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fillNode(v, values)]));
  return node;
}

// Inside other text: lists one item a line, anything else as it would print.
function asText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function lineAt(text: string, index: number): number | undefined {
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
