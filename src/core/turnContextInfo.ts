import { IANAZone } from 'luxon';

/** The parts of an incoming activity the core cares about; no botbuilder types needed. */
export interface ActivityInfo {
  channelId?: string;
  locale?: string;
  localTimezone?: string;
  entities?: { type?: string; timezone?: string; locale?: string }[];
}

/** The person's IANA time zone when the channel tells us (Web Chat does), else the default. */
export function userTimezone(a: ActivityInfo, fallback?: string): string | undefined {
  const candidates = [a.localTimezone, a.entities?.find((e) => e.type === 'clientInfo')?.timezone, fallback];
  return candidates.find((z): z is string => typeof z === 'string' && IANAZone.isValidZone(z));
}

export function userLocale(a: ActivityInfo): string | undefined {
  // Both come from the client as it pleases: only a string is a locale.
  const locale: unknown = a.locale ?? a.entities?.find((e) => e.type === 'clientInfo')?.locale;
  return typeof locale === 'string' ? locale : undefined;
}
