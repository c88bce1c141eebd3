/** A Redis URL fit for a log line: the password masked, query options (which may hold one) dropped. */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(URL not shown)';
  }
  // Anything else may be "user:password@host" misread as a scheme: show nothing of it.
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') return '(URL not shown)';
  if (parsed.password) parsed.password = '***';
  parsed.search = '';
  return parsed.toString();
}
