import {
  fitsSms, GSM7_BASIC, GSM7_EXTENSION, gsm7Septets, isGsm7, measureSms, toGsm7,
} from '../../src/bot/sms/gsm7';
import { fitsMessage, packSms, splitSms } from '../../src/bot/sms/smsSplit';
import { stripMarkdown } from '../../src/bot/sms/stripMarkdown';

// Real text from the NAS guide, long enough to cut at any length up to 700 characters.
const NAS_TEXT =
  'Error 1002 on a NAS drive means it cannot reach the cloud service. First check that other devices at home can get online, ' +
  'then open the NAS dashboard from a computer on the same network. In the dashboard, look under Settings > Cloud Access and make ' +
  'sure it is switched on. If it is, check the date and time: a wrong clock makes secure connections fail. Next, restart the NAS, ' +
  'the router and the modem, in that order, and wait a few minutes. If remote access still fails, check that UPnP is on, or forward ' +
  'ports 443 and 80 to the NAS by hand. Ask your internet provider whether they block these ports.';

describe('GSM 03.38 character set', () => {
  test('the basic set has the 127 characters of the table (128 codes less the escape), all different', () => {
    expect([...GSM7_BASIC]).toHaveLength(127);
    expect(new Set(GSM7_BASIC).size).toBe(127);
    expect([...GSM7_EXTENSION].sort()).toEqual(['\f', '[', '\\', ']', '^', '{', '|', '}', '~', '€'].sort());
  });

  test('letters with accents in the table count as GSM-7, others do not', () => {
    expect(isGsm7('Café, crème, Müller, Ñandú? ¿Señor? Øre, Åse, Straße, à Ç')).toBe(false); // ú is not in the table
    expect(isGsm7('Café, crème, Müller, Ñandu? ¿Señor? Øre, Åse, Straße, à Ç')).toBe(true);
    expect(isGsm7('Don’t')).toBe(false);
    expect(isGsm7('Reply 1, 2 or 3.')).toBe(true);
  });

  test('septets: basic characters count 1, extension characters 2; a character outside GSM-7 means UCS-2', () => {
    expect(gsm7Septets('Reply 1, 2 or 3.')).toBe(16);
    expect(gsm7Septets('Costs 10€')).toBe(10);
    expect(gsm7Septets('Use {braces} [and] ~tilde~ ^caret^ a|b back\\slash')).toBe(47 + 12);
    expect(gsm7Septets('See you 🙂')).toBeUndefined();
    expect(measureSms('See you 🙂')).toEqual({ encoding: 'UCS-2', units: 10, segments: 1 });
  });

  test('segments: 160 septets alone, 153 each when split; UCS-2 70 alone, 67 when split', () => {
    expect(measureSms(NAS_TEXT.slice(0, 160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(measureSms(NAS_TEXT.slice(0, 161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(measureSms(NAS_TEXT.slice(0, 306))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    expect(measureSms(NAS_TEXT.slice(0, 307))).toEqual({ encoding: 'GSM-7', units: 307, segments: 3 });
    // One curly apostrophe turns 100 characters into two UCS-2 segments.
    const curly = `${NAS_TEXT.slice(0, 99)}’`;
    expect(measureSms(curly)).toEqual({ encoding: 'UCS-2', units: 100, segments: 2 });
    expect(measureSms(NAS_TEXT.slice(0, 69) + '’')).toMatchObject({ segments: 1 });
    expect(measureSms(NAS_TEXT.slice(0, 70) + '’')).toMatchObject({ segments: 2 });
  });

  test('the boundary: exactly 306 septets fit two segments, 307 do not, and an extension character counts twice', () => {
    expect(fitsSms(NAS_TEXT.slice(0, 306))).toBe(true);
    expect(fitsSms(NAS_TEXT.slice(0, 307))).toBe(false);
    const euro304 = `${NAS_TEXT.slice(0, 304)}€`; // 304 + 2 = 306 septets, 305 characters
    expect(measureSms(euro304)).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    expect(fitsSms(euro304)).toBe(true);
    const euro305 = `${NAS_TEXT.slice(0, 305)}€`; // 306 characters but 307 septets
    expect(euro305).toHaveLength(306);
    expect(measureSms(euro305).units).toBe(307);
    expect(fitsSms(euro305)).toBe(false);
  });

  test('an escape sequence is never cut between segments: 306 septets can still need 3', () => {
    const text = `${NAS_TEXT.slice(0, 152)}€${NAS_TEXT.slice(152, 304)}`;
    expect(measureSms(text)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
    expect(fitsSms(text)).toBe(false);
    expect(fitsMessage(text)).toBe(false);
  });
});

describe('toGsm7', () => {
  test.each([
    ['curly quotes', '“Cloud Access” isn’t on', '"Cloud Access" isn\'t on'],
    ['en and em dashes, minus', 'Wait 1–2 minutes — then retry (−5 °)', 'Wait 1-2 minutes - then retry (-5 ?)'],
    ['ellipsis', 'Updating…', 'Updating...'],
    ['no-break and narrow spaces', '9:00\u00A0AM\u202Fdaily', '9:00 AM daily'],
    ['bullets', '• Restart\n◦ Re-pair\n· Update', '- Restart\n- Re-pair\n- Update'],
    ['accents outside GSM-7 lose them, those inside stay', 'São Paulo, Łódź, façade, Crème brûlée, naïve, Zoë', 'Sao Paulo, Lodz, facade, Crème brulée, naive, Zoe'],
    ['ligatures and letters with no accent to drop', 'œuvre, ﬁx, þorn', 'oeuvre, fix, thorn'],
    ['arrows and symbols', 'Settings → Cloud Access ≥ v5 ©', 'Settings -> Cloud Access >= v5 (c)'],
    ['emoji at the start of a line', '⚠️ Back up first', 'Back up first'],
    ['emoji between words and before punctuation', 'Hi 👋 there, all done 🎉!', 'Hi there, all done!'],
    ['skin tones, flags, families and keycaps', 'Thanks 👍🏽 from 🇬🇧 👨‍👩‍👧 1️⃣', 'Thanks from 1'],
    ['scripts with no GSM-7 form', 'Name: 王伟', 'Name: ??'],
    ['CR LF', 'one\r\ntwo', 'one\ntwo'],
  ])('%s', (_name, input, expected) => {
    const out = toGsm7(input);
    expect(out).toBe(expected);
    expect(isGsm7(out)).toBe(true);
    expect(toGsm7(out)).toBe(out);
  });

  test('GSM-7 text, extension characters included, is left alone', () => {
    const text = 'Costs 10€ [approx] {net} ~ ^ | \\ Øre Ñ ü é @ £ $ ¥ §';
    expect(toGsm7(text)).toBe(text);
  });

  test('a typical support message with curly quotes goes from UCS-2 (3 segments) to GSM-7 (1)', () => {
    const text = 'Don’t pull the NAS’s power while it’s busy – shut it down properly… then press “Restart”. 👍';
    expect(measureSms(text)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    const fixed = toGsm7(text);
    expect(fixed).toBe('Don\'t pull the NAS\'s power while it\'s busy - shut it down properly... then press "Restart".');
    expect(measureSms(fixed)).toEqual({ encoding: 'GSM-7', units: fixed.length, segments: 1 });
  });
});

describe('stripMarkdown', () => {
  test.each([
    ['bold, italic, strike, code', '**Turn it off**, *wait*, __then__ ~~not~~ `on`', 'Turn it off, wait, then not on'],
    ['links become "label: url"', 'See [the guide](https://example.com/guide "Guide") or <https://example.com/x>', 'See the guide: https://example.com/guide or https://example.com/x'],
    ['a link whose label is its url', '[https://example.com](https://example.com)', 'https://example.com'],
    ['headings, quotes and bullets', '## Fix it ##\n> Note this\n* one\n+ two\n- three', 'Fix it\nNote this\n- one\n- two\n- three'],
    ['html line breaks and tags', 'one<br>two <b>bold</b>', 'one\ntwo bold'],
    ['escapes', 'a \\*literal\\* star', 'a *literal* star'],
    ['snake_case, maths and numbered steps survive', 'my_cloud_ex2, 2 * 3 * 4, 1. Restart', 'my_cloud_ex2, 2 * 3 * 4, 1. Restart'],
    ['addresses are never read as Markdown', 'Open https://example.com/_x_/a*b or mail my_name_x@example.com.', 'Open https://example.com/_x_/a*b or mail my_name_x@example.com.'],
    ['emphasis around an address goes, the address stays', '**https://example.com/a_b** and _https://example.com/c_', 'https://example.com/a_b and https://example.com/c'],
  ])('%s', (_name, input, expected) => {
    expect(stripMarkdown(input)).toBe(expected);
  });
});

describe('splitSms and packSms', () => {
  const unprefixed = (parts: string[]) => parts.map((p) => p.replace(/^\(\d+\/\d+\) /, ''));

  test('exactly 306 septets is one message, unchanged; 307 is two numbered messages that each fit', () => {
    expect(splitSms(NAS_TEXT.slice(0, 306))).toEqual([NAS_TEXT.slice(0, 306)]);
    const parts = splitSms(NAS_TEXT.slice(0, 307));
    expect(parts).toHaveLength(2);
    expect(parts[0].startsWith('(1/2) ')).toBe(true);
    expect(parts[1].startsWith('(2/2) ')).toBe(true);
    for (const p of parts) expect(fitsMessage(p)).toBe(true);
  });

  test('306 characters with one "€" are 307 septets: split', () => {
    const text = `${NAS_TEXT.slice(0, 305)}€`;
    expect(splitSms(text).length).toBe(2);
    expect(splitSms(`${NAS_TEXT.slice(0, 304)}€`)).toEqual([`${NAS_TEXT.slice(0, 304)}€`]);
  });

  test('long text is split between sentences, in order, losing nothing', () => {
    const parts = splitSms(NAS_TEXT);
    expect(measureSms(NAS_TEXT).units).toBe(600); // fits two messages by length, but not at sentence ends
    expect(parts).toHaveLength(3);
    for (const p of parts) expect(fitsMessage(p)).toBe(true);
    for (const p of unprefixed(parts)) expect(p).toMatch(/\.$/);
    expect(unprefixed(parts).join(' ')).toBe(NAS_TEXT);
  });

  test('lines are kept whole when that costs no extra message', () => {
    const steps = Array.from({ length: 6 }, (_, i) => `${i + 1}. ${NAS_TEXT.split('. ')[i]}.`).join('\n');
    const parts = unprefixed(splitSms(steps));
    expect(parts.length).toBe(2);
    expect(parts.join('\n')).toBe(steps);
  });

  test('a question and its numbered answers stay in one message', () => {
    const question = { text: 'Did that fix it?\n1) Fixed it\n2) Still broken\n3) Skip\nReply 1, 2 or 3.', keepTogether: true };
    const parts = packSms([{ text: NAS_TEXT.slice(0, 250) + '.' }, question]);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe(`(2/2) ${question.text}`);
  });

  test('short replies share one message', () => {
    expect(packSms([{ text: 'No problem, let\'s skip that for now.' }, { text: 'Did that fix it?\n1) Yes\n2) No\nReply 1 or 2.', keepTogether: true }]))
      .toEqual(['No problem, let\'s skip that for now.\n\nDid that fix it?\n1) Yes\n2) No\nReply 1 or 2.']);
  });

  test('a word longer than a message (a huge link) is cut, and every message still fits', () => {
    const url = `https://support.example.com/${'a'.repeat(400)}`;
    const parts = splitSms(`Open ${url} now.`);
    for (const p of parts) expect(fitsMessage(p)).toBe(true);
    expect(unprefixed(parts).join('').replace(/\s/g, '')).toBe(`Open${url}now.`);
  });

  test('ten or more parts are numbered with two digits and still fit', () => {
    const long = Array.from({ length: 8 }, () => NAS_TEXT).join('\n');
    const parts = splitSms(long);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts[0].startsWith(`(1/${parts.length}) `)).toBe(true);
    for (const p of parts) expect(fitsMessage(p)).toBe(true);
  });

  test('nothing to send is no message', () => {
    expect(splitSms('  \n ')).toEqual([]);
  });
});
