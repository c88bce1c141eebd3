/** The UTC calendar day ("2024-05-01") of an ISO time; event logs keep one bucket per day. */
export function utcDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO time: "${iso}"`);
  return new Date(ms).toISOString().slice(0, 10);
}
