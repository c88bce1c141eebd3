import { DateTime } from 'luxon';
import { purchaseLabel } from '../../src/replies/purchaseLabel';

const d = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('purchaseLabel', () => {
  test.each([
    ['2025-03-14', '2025-03-14', '14 Mar 2025'],
    ['2025-03-01', '2025-03-31T23:59:59', 'Mar 2025'],
    ['2025-01-01', '2025-12-31T23:59:59', '2025'],
    ['2024-12-01', '2025-02-28T23:59:59', '1 Dec 2024 – 28 Feb 2025'],
    ['2025-03-05', '2025-03-31', '5 Mar 2025 – 31 Mar 2025'],
  ])('%s to %s reads "%s"', (from, to, expected) => {
    expect(purchaseLabel(d(from), d(to))).toBe(expected);
  });
});
