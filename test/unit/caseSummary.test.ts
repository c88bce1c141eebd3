import { DateTime } from 'luxon';
import { caseSummary, type CaseFacts } from '../../src/replies/caseSummary';
import { warrantyLabel } from '../../src/replies/warrantyReplies';
import { Wording } from '../../src/replies/wording';
import { warrantyStatus } from '../../src/warranty/warrantyStatus';
import { FIXED_NOW, realKnowledge, testCore } from '../helpers/testCore';

// Hand-made wording, so the marks are known without reading the data files.
const wording = new Wording({
  'summary.title': 'Case summary',
  'summary.device': 'Device: {device}',
  'summary.error': 'Error: {code}',
  'summary.purchase': 'Bought: {date}',
  'summary.warranty': 'Warranty: {status}',
  'summary.not_given': 'not given',
  'summary.mark_fixed': '[FIXED]',
  'summary.mark_not_fixed': '[NO LUCK]',
  'summary.mark_declined': '[DECLINED]',
  'summary.mark_not_tried': '[NOT TRIED]',
});

const facts: CaseFacts = {
  device: 'Smartwatch',
  brand: 'Samsung',
  errorCode: '1002',
  checklist: {
    restart: 'Restarted the watch',
    battery: 'Checked the battery',
    bluetooth: 'Re-paired Bluetooth',
    update: 'Updated the software',
    sync: 'Signed in again',
    reset: 'Factory reset',
  },
  tried: { restart: 'not_fixed', battery: 'already', bluetooth: 'skipped', sync: 'declined', reset: 'fixed' },
  purchase: '14 March 2025',
  warranty: 'covered until 14 March 2026',
};

describe('caseSummary', () => {
  test('lists device, error, every checklist item with its mark in order, the purchase and the warranty', () => {
    expect(caseSummary(facts, wording)).toEqual({
      kind: 'summary',
      id: 'summary.case',
      title: 'Case summary',
      lines: [
        'Device: Samsung Smartwatch',
        'Error: 1002',
        '[NO LUCK] Restarted the watch',
        '[NO LUCK] Checked the battery',
        '[NOT TRIED] Re-paired Bluetooth',
        '[NOT TRIED] Updated the software',
        '[DECLINED] Signed in again',
        '[FIXED] Factory reset',
        'Bought: 14 March 2025',
        'Warranty: covered until 14 March 2026',
      ],
    });
  });

  test('without a brand or purchase date', () => {
    const { lines } = caseSummary({ ...facts, brand: undefined, purchase: undefined, checklist: {}, tried: {} }, wording);
    expect(lines).toEqual(['Device: Smartwatch', 'Error: 1002', 'Bought: not given', 'Warranty: covered until 14 March 2026']);
  });

  test('with the real wording and the real smartwatch checklist, every item appears once with a distinct mark per outcome', () => {
    const core = testCore();
    const flow = realKnowledge().flows.find((f) => f.id === 'smartwatch-1002')!;
    const warranty = warrantyStatus(realKnowledge().warranty, {
      product: 'smartwatch', brand: 'samsung', earliest: DateTime.fromISO('2026-03-14', { zone: 'Europe/London' }),
      latest: DateTime.fromISO('2026-03-14', { zone: 'Europe/London' }), now: FIXED_NOW,
    });
    const label = warrantyLabel(warranty, core.wording);
    const summary = caseSummary({
      device: 'Smartwatch', errorCode: '1002', checklist: flow.checklist,
      tried: { restart: 'not_fixed', battery: 'fixed' }, warranty: label,
    }, core.wording);
    const itemLines = summary.lines.slice(2, -2);
    expect(itemLines).toHaveLength(Object.keys(flow.checklist).length);
    Object.values(flow.checklist).forEach((item, i) => expect(itemLines[i].endsWith(` ${item}`)).toBe(true));
    const mark = (line: string, item: string) => line.slice(0, line.length - item.length - 1);
    const marks = Object.values(flow.checklist).map((item, i) => mark(itemLines[i], item));
    expect(marks[0]).toBe(core.wording.say('summary.mark_not_fixed'));
    expect(marks[1]).toBe(core.wording.say('summary.mark_fixed'));
    expect(new Set(marks.slice(2))).toEqual(new Set([core.wording.say('summary.mark_not_tried')]));
    expect(summary.lines.at(-1)).toContain('14 March 2027');
  });
});

describe('warrantyLabel', () => {
  const core = testCore();
  const terms = realKnowledge().warranty;
  const day = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

  test('names the end date when covered or expired, and says unknown when not checked', () => {
    const covered = warrantyStatus(terms, { product: 'nas', earliest: day('2025-06-01'), latest: day('2025-06-01'), now: FIXED_NOW });
    const expired = warrantyStatus(terms, { product: 'smartwatch', earliest: day('2024-06-01'), latest: day('2024-06-01'), now: FIXED_NOW });
    expect(warrantyLabel(covered, core.wording)).toContain('1 June 2027');
    expect(warrantyLabel(expired, core.wording)).toContain('1 June 2025');
    expect(warrantyLabel(undefined, core.wording)).toBe(core.wording.say('summary.warranty_unknown'));
  });
});
