import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHandoffFiles } from '../../src/handoff/checkHandoffFiles';
import { createHandoffCase } from '../../src/handoff/handoffCase';
import { TICKET_PLACEHOLDERS, TicketTemplate, type TicketValues } from '../../src/handoff/ticketTemplate';
import { ticketValues } from '../../src/handoff/ticketValues';
import { DataError } from '../../src/knowledge/dataError';
import { Wording } from '../../src/replies/wording';
import type { TranscriptEntry } from '../../src/transcripts/transcriptEntry';
import { realKnowledge, ROOT } from '../helpers/testCore';

const wording = new Wording(realKnowledge().responses);
const values = (over: Partial<TicketValues> = {}): TicketValues => ({ ...Object.fromEntries(TICKET_PLACEHOLDERS.map((p) => [p, undefined])), ...over }) as TicketValues;
const problemsOf = (text: string) => {
  try {
    TicketTemplate.parse(text, 'knowledge/handoff/bad.json');
  } catch (err) {
    if (err instanceof DataError) return err.problems;
    throw err;
  }
  return [];
};

describe('filling a ticket template', () => {
  test('a value that is only a placeholder takes the value as it is: text, list, object, or null when missing', () => {
    const t = TicketTemplate.parse('{"subject": "{{subject}}", "lines": "{{summaryLines}}", "tried": "{{tried}}", "brand": "{{ brand }}"}', 't.json');
    const tried = [{ fix: 'restart', step: 'Restarted the watch', outcome: 'not_fixed' }];
    expect(t.fill(values({ subject: 'Error 1002', summaryLines: ['a', 'b'], tried }))).toEqual({ subject: 'Error 1002', lines: ['a', 'b'], tried, brand: null });
  });

  test('placeholders inside text are filled as text; lists one item a line; missing ones empty', () => {
    const t = TicketTemplate.parse('{"title": "[{{reference}}] {{subject}} ({{brand}})", "body": "Steps:\\n{{summaryLines}}", "n": 3, "on": true}', 't.json');
    expect(t.fill(values({ reference: 'H-1', subject: 'Error 1002', summaryLines: ['a', 'b'] }))).toEqual({ title: '[H-1] Error 1002 ()', body: 'Steps:\na\nb', n: 3, on: true });
  });

  test('whatever a person typed stays a JSON string: quotes, backslashes, braces and new lines cannot break out', () => {
    const t = TicketTemplate.parse('{"description": "Case: {{summary}}", "transcript": "{{transcript}}"}', 't.json');
    const hostile = 'a"}, "priority": "urgent", "x": {"y": "\\\n{{subject}}';
    const body = JSON.parse(JSON.stringify(t.fill(values({ summary: hostile, transcript: [{ from: 'user', text: hostile }], subject: 'S' }))));
    expect(Object.keys(body)).toEqual(['description', 'transcript']);
    expect(body.description).toBe(`Case: ${hostile}`);
    expect(body.transcript).toEqual([{ from: 'user', text: hostile }]);
  });

  test('the default template in knowledge/handoff is valid and gives the helpdesk the case', () => {
    const t = TicketTemplate.load(join(ROOT, 'knowledge', 'handoff', 'ticket-template.json'), ROOT);
    const c = createHandoffCase({ channelId: 'sms', conversationId: '+15550100150' }, 'asked', {
      device: 'Smartwatch', brand: 'Fitbit', errorCode: '1002', checklist: { restart: 'Restarted the watch', battery: 'Checked the battery' },
      tried: { restart: 'not_fixed' }, purchase: '7 Aug 2026', warranty: 'covered until 7 August 2027',
    }, wording, new Date('2026-11-22T10:00:00Z'));
    const transcript: TranscriptEntry[] = [
      { type: 'message', from: { id: 'user', role: 'user' }, timestamp: '2026-11-22T09:59:00.000Z', text: 'my number is [phone]' },
      { type: 'message', from: { id: 'bot', role: 'bot' }, timestamp: '2026-11-22T09:59:01.000Z', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Restart the watch' }] } }] },
    ];
    const body = t.fill(ticketValues(c, transcript, wording)) as Record<string, unknown>;
    expect(body).toMatchObject({
      subject: 'Error 1002 on Fitbit Smartwatch: case from the support assistant',
      externalReference: c.reference,
      reason: 'asked',
      channel: 'sms',
      createdAt: '2026-11-22T10:00:00.000Z',
      device: { product: 'Smartwatch', brand: 'Fitbit', errorCode: '1002' },
      purchaseDate: '7 Aug 2026',
      warranty: 'covered until 7 August 2027',
      stepsTried: [{ fix: 'restart', step: 'Restarted the watch', outcome: 'not_fixed' }, { fix: 'battery', step: 'Checked the battery', outcome: 'not_tried' }],
      transcript: [{ from: 'user', at: '2026-11-22T09:59:00.000Z', text: 'my number is [phone]' }, { from: 'bot', at: '2026-11-22T09:59:01.000Z', text: 'Restart the watch' }],
    });
    expect(body.description).toMatch(/^Case summary.*\nDevice: Fitbit Smartwatch\nError: 1002\n/s);
    // The conversation goes by a hash, never by its id (on SMS the person's phone number).
    expect(body.conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(body)).not.toContain('5550100150');
  });
});

describe('checking a ticket template at load', () => {
  test('JSON that does not parse names the file and line', () => {
    expect(problemsOf('{\n  "subject": "{{subject}}",\n  oops\n}')).toEqual([{ file: 'knowledge/handoff/bad.json', line: 3, message: expect.stringMatching(/^not valid JSON/) }]);
  });

  test('an unknown placeholder names the file, line and the known ones', () => {
    expect(problemsOf('{\n  "subject": "{{subject}}",\n  "who": "{{customerName}}"\n}')).toEqual([
      { file: 'knowledge/handoff/bad.json', line: 3, message: expect.stringContaining('$.who: unknown placeholder {{customerName}} (known: reference, reason') },
    ]);
  });

  test('a broken placeholder, a placeholder in a name, and a template that is not an object are refused', () => {
    expect(problemsOf('{"subject": "{{subject}"}')).toEqual([expect.objectContaining({ message: expect.stringContaining('not a placeholder') })]);
    expect(problemsOf('{"{{subject}}": "x"}')).toEqual([expect.objectContaining({ message: expect.stringContaining('values, not in names') })]);
    expect(problemsOf('["{{subject}}"]')).toEqual([expect.objectContaining({ message: 'the ticket template must be a JSON object' })]);
  });

  test('a missing file is a DataError naming it', () => {
    expect(() => TicketTemplate.load(join(ROOT, 'knowledge', 'handoff', 'missing.json'), ROOT)).toThrow('knowledge/handoff/missing.json: cannot read the ticket template (ENOENT)');
  });
});

describe('npm run validate checks the handoff files', () => {
  test('the repository\'s files pass', () => {
    expect(checkHandoffFiles(ROOT)).toEqual([]);
  });

  test('a broken phrase list and a broken template are reported by file and line', () => {
    const root = mkdtempSync(join(tmpdir(), 'handoff-files-'));
    try {
      mkdirSync(join(root, 'knowledge', 'handoff'), { recursive: true });
      writeFileSync(join(root, 'knowledge', 'handoff', 'person-words.yaml'), 'person: []\n');
      writeFileSync(join(root, 'knowledge', 'handoff', 'ticket-template.json'), '{\n  "who": "{{name}}"\n}\n');
      expect(checkHandoffFiles(root)).toEqual([
        expect.objectContaining({ file: 'knowledge/handoff/person-words.yaml', line: 1 }),
        expect.objectContaining({ file: 'knowledge/handoff/ticket-template.json', line: 2, message: expect.stringContaining('unknown placeholder {{name}}') }),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
