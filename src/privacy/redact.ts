/**
 * Personal data taken out of text before anything is stored or logged: e-mail addresses, phone
 * numbers, serial numbers (and MAC addresses), street addresses and public IP addresses. Each is
 * replaced by a tag, so a transcript still reads naturally ("my e-mail is [email]").
 *
 * It errs on the side of redacting: a long order number may become [phone], a drive model number
 * [serial]. It must never eat what troubleshooting needs: dates, times, prices, error codes,
 * ports, firmware versions, model names and private (LAN) IP addresses stay.
 */
export type Redact = (text: string) => string;

export const TAGS = { email: '[email]', phone: '[phone]', serial: '[serial]', address: '[address]', ip: '[ip]' } as const;

export interface RedactorOptions {
  /** Words that are never serial numbers however they look (model names from the catalogue), any case. */
  keep?: Iterable<string>;
}

export function createRedactor(options: RedactorOptions = {}): Redact {
  const keep = new Set([...(options.keep ?? [])].map((w) => w.toLowerCase()));
  // Order matters: an e-mail holds digits, an address holds a number, a serial label comes before its value.
  return (text) => [redactEmails, redactLabelledSerials, redactMacs, redactAddresses, redactPublicIps, redactPhones, (t: string) => redactBareSerials(t, keep)]
    .reduce((t, step) => step(t), text);
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function redactEmails(text: string): string {
  return text.replace(EMAIL, TAGS.email);
}

// "serial WX12A3456789", "S/N: ABC123456DEF", "IMEI 356938035643809", "asset tag IT-004512".
const SERIAL_LABEL = /\b(serial(?:\s*(?:number|no\.?|num|#))?|s\/n|sn|imei|(?:asset|service)\s*tag)(\s*(?:is\s*|[:#=]\s*)?)([a-z0-9][a-z0-9-]{3,}[a-z0-9])\b/gi;

function redactLabelledSerials(text: string): string {
  return text.replace(SERIAL_LABEL, (all, label: string, gap: string, value: string) => (/\d/.test(value) ? `${label}${gap}${TAGS.serial}` : all));
}

// A MAC address identifies one device as well as its serial number does.
const MAC = /(?<![\p{L}\p{N}:-])[0-9a-f]{2}(?:([:-])[0-9a-f]{2})(?:\1[0-9a-f]{2}){4}(?![\p{L}\p{N}:-])/giu;

function redactMacs(text: string): string {
  return text.replace(MAC, TAGS.serial);
}

// A house number, one to three name words, a street type; then maybe ", Town" and a postcode.
// Street types that are also ordinary words ("drive", "way", "place") need Title Case names
// ("14 Elm Drive"), so "my 4 bay drive" stays; the others match in any case ("12 high st").
const UNIT = String.raw`(?:(?:flat|apt\.?|apartment|unit|suite)\s*\d+[a-z]?,?\s+)?`;
const NUMBER = String.raw`\d{1,5}[a-z]?,?\s+`;
const NOT_NAME = String.raw`(?!(?:in|on|at|the|a|an|and|or|to|of|my|is|are|was|for|from|with|by|it|this|that|times|days|weeks|months|years)\b)`;
const ANY_CASE_NAME = String.raw`(?:${NOT_NAME}[a-z][a-z'’.-]*\s+){1,3}`;
const TITLE_NAME = String.raw`(?:[A-Z][a-zA-Z'’.-]*\s+){1,3}`;
const ANY_CASE_TYPES = 'street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|parkway|pkwy|terrace|crescent|cres|gardens|mews|highway|hwy|strasse|straße';
const TITLE_TYPES = 'Drive|Dr|Way|Place|Pl|Close|Court|Ct|Row|Walk|Square|Sq|Hill|Green|Grove';
const TOWN = String.raw`(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?`;
const POSTCODE_UK = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}`;
const POSTCODE_US = String.raw`(?:[A-Z]{2}\s+)?\d{5}(?:-\d{4})?`;
const POSTCODE = String.raw`(?:,?\s*(?:${POSTCODE_UK}|${POSTCODE_US})(?![\p{L}\p{N}]))?`;
const TAIL = `${TOWN}${POSTCODE}`;
const ADDRESS_ANY_CASE = new RegExp(String.raw`(?<![\p{L}\p{N}])${UNIT}${NUMBER}${ANY_CASE_NAME}(?:${ANY_CASE_TYPES})\b`, 'giu');
const ADDRESS_TITLE = new RegExp(String.raw`(?<![\p{L}\p{N}])${UNIT}${NUMBER}${TITLE_NAME}(?:${TITLE_TYPES})\b`, 'gu');
// The tail is matched case-sensitively after either kind: towns and postcodes are written in capitals.
const ADDRESS_TAIL = new RegExp(String.raw`^${TAIL}`, 'u');
// A postcode on its own only when it is called one: "EX2 4TB" is also a NAS model and a disk size.
const LABELLED_POSTCODE = new RegExp(String.raw`\b((?:post\s?code|zip(?:\s?code)?)\s*(?:is\s*|:\s*)?)(${POSTCODE_UK}|\d{5}(?:-\d{4})?)(?![\p{L}\p{N}])`, 'giu');

function redactAddresses(text: string): string {
  return withTail(withTail(text, ADDRESS_TITLE), ADDRESS_ANY_CASE)
    .replace(LABELLED_POSTCODE, (_m, label: string) => `${label}${TAGS.address}`);
}

/** Replaces each street match, together with the town and postcode right after it, by one tag. */
function withTail(text: string, street: RegExp): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(street)) {
    if (m.index < last) continue;
    const end = m.index + m[0].length;
    const tail = ADDRESS_TAIL.exec(text.slice(end))?.[0] ?? '';
    out += text.slice(last, m.index) + TAGS.address;
    last = end + tail.length;
  }
  return out + text.slice(last);
}

const IPV4 = /(?<![\p{L}\p{N}.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\p{N}]|\.\d)/gu;
// Public resolvers people set by hand while troubleshooting; they say nothing about the person.
const WELL_KNOWN = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '208.67.222.222', '208.67.220.220']);

/**
 * A public IPv4 address points at a household, so it goes; LAN, loopback, link-local, carrier-NAT and
 * reserved addresses (and netmasks) are what NAS troubleshooting talks about, and identify nobody.
 */
function redactPublicIps(text: string): string {
  return text.replace(IPV4, (ip: string, a: string, b: string, _c: string, _d: string, offset: number, full: string) => {
    const octets = [a, b, _c, _d].map(Number);
    if (octets.some((o) => o > 255) || /(?:version|firmware|v)\s*$/i.test(full.slice(0, offset))) return ip;
    return isPublic(octets) && !WELL_KNOWN.has(ip) ? TAGS.ip : ip;
  });
}

function isPublic([a, b]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 169 && b === 254) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  return true;
}

// Digits with single spaces, dashes, dots or brackets between them, maybe after + or 00.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}.+\-/])(?<!\d:)(?:\+|00)?\(?\d[\d ().-]{5,}\d(?![\p{L}\p{N}]|[-/:]\d)/gu;
const DAY_OR_MONTH = '(?:0?[1-9]|[12]\\d|3[01])';
const DATE_INSIDE = new RegExp(`(?<!\\d)(?:\\d{4}[-./]${DAY_OR_MONTH}[-./]${DAY_OR_MONTH}|${DAY_OR_MONTH}[-./]${DAY_OR_MONTH}[-./](?:\\d{4}|\\d{2}))(?!\\d)`);
const PHONE_CUE = /\b(?:phone|mobile|cell|tel|telephone|number|call|ring|text|whatsapp|reach me|contact me|landline)\b[^.\n\d]{0,20}$/i;

function redactPhones(text: string): string {
  return text.replace(PHONE_CANDIDATE, (candidate: string, offset: number, full: string) => {
    const trimmed = candidate.trim();
    return looksLikePhone(trimmed, PHONE_CUE.test(full.slice(0, offset))) ? candidate.replace(trimmed, TAGS.phone) : candidate;
  });
}

/** Which runs of digits are phone numbers: by prefix, by shape, or because the person said so. */
function looksLikePhone(c: string, cued: boolean): boolean {
  const digits = c.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15 || /\s{2,}/.test(c)) return false;
  if (/^(\+|00)/.test(c)) return digits >= 8;
  if (DATE_INSIDE.test(c)) return false;
  if (cued || /^\(\d{2,5}\)/.test(c)) return true;
  if (/^0/.test(c) && digits >= 10 && digits <= 11) return true;
  if (/^\d{10,15}$/.test(c)) return true;
  // North American shapes: 555-010-0150, 555.010.0150. A bare 555-0150 needs a cue: 443-8443 is a port range.
  return /^\d{3}([-. ])\d{3}\1\d{4}$/.test(c);
}

// Tokens of 8+ letters and digits with at least three digits, e.g. WX12A3456789.
const TOKEN = /(?<![\p{L}\p{N}])[a-z0-9]{8,}(?![\p{L}\p{N}])/giu;

function redactBareSerials(text: string, keep: Set<string>): string {
  return text.replace(TOKEN, (token: string) => (isSerial(token, keep) ? TAGS.serial : token));
}

function isSerial(token: string, keep: Set<string>): boolean {
  if (keep.has(token.toLowerCase()) || !/[a-z]/i.test(token) || (token.match(/\d/g) ?? []).length < 3) return false;
  // A word with a short number stuck to it ("error1002", "1002error") is not a serial number.
  return !/^[a-z]+\d{1,4}$|^\d{1,4}[a-z]+$/i.test(token);
}
