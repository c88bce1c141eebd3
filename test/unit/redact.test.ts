import fc from 'fast-check';
import { createRedactor } from '../../src/privacy/redact';
import { redactDeep } from '../../src/privacy/redactDeep';
import { redactorFor } from '../../src/privacy/redactorFor';
import { realKnowledge } from '../helpers/testCore';

const redact = redactorFor(realKnowledge());

describe('redact: what is taken out', () => {
  test.each([
    // e-mail addresses
    ['mail me at jane.doe+wd@example.co.uk please', 'mail me at [email] please'],
    ['JANE_DOE99@Example.COM is my login', '[email] is my login'],
    ['reply to: andré.müller@beispiel.de', 'reply to: [email]'],
    ['mailto:servicedesk@example.com', 'mailto:[email]'],
    // phone numbers, international and local, with spaces, dashes, dots and brackets
    ['call me on +44 20 7946 0958', 'call me on [phone]'],
    ['my mobile is 07700 900123, ta', 'my mobile is [phone], ta'],
    ['ring (020) 7946 0958 after 6pm', 'ring [phone] after 6pm'],
    ['+1 (555) 010-0150 or 555-010-0150', '[phone] or [phone]'],
    ['it is 555.010.0150', 'it is [phone]'],
    ['call 555-0150 or the number is 555-0151', 'call [phone] or the number is [phone]'],
    ['0044 20 7946 0958', '[phone]'],
    ['+49-30-123456', '[phone]'],
    ['06 12 34 56 78 in France', '[phone] in France'],
    ['07700900123', '[phone]'],
    ['tel:+15550100150', 'tel:[phone]'],
    ['my number: 555 0150', 'my number: [phone]'],
    ['whatsapp me 612 345 678', 'whatsapp me [phone]'],
    // serial numbers: labelled, and long letter+digit tokens
    ['serial WX12A3456789', 'serial [serial]'],
    ['S/N: ABC123456DEF', 'S/N: [serial]'],
    ['serial number is R8AN123ABCD', 'serial number is [serial]'],
    ['IMEI 356938035643809', 'IMEI [serial]'],
    ['sn#C02XL0ABJGH5 on the box', 'sn#[serial] on the box'],
    ['asset tag IT-004512', 'asset tag [serial]'],
    ['the code on the back is WX12A3456789', 'the code on the back is [serial]'],
    ['it says 7HKQ24B00912 under the strap', 'it says [serial] under the strap'],
    ['mac 00:11:22:AA:BB:CC and 00-1a-2b-3c-4d-5e', 'mac [serial] and [serial]'],
    // street addresses
    ['I live at 221B Baker Street, London NW1 6XE now', 'I live at [address] now'],
    ['12 High St', '[address]'],
    ['send it to 12 high st, and then', 'send it to [address], and then'],
    ['1600 Amphitheatre Parkway, Mountain View, CA 94043', '[address]'],
    ['Flat 3, 14 elm road, Leeds', '[address]'],
    ['post to 14 Elm Drive, Springfield', 'post to [address]'],
    ['742 Evergreen Terrace', '[address]'],
    ['my postcode is SW1A 1AA', 'my postcode is [address]'],
    ['zip: 94043', 'zip: [address]'],
    // public IP addresses
    ['my public ip is 81.2.69.160', 'my public ip is [ip]'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  test('several kinds in one message, each tagged', () => {
    const text = 'Hi, Jane here (jane@example.com, 07700 900123). Watch serial WX12A3456789, 221B Baker Street.';
    expect(redact(text)).toBe('Hi, Jane here ([email], [phone]). Watch serial [serial], [address].');
  });
});

describe('redact: what troubleshooting needs stays', () => {
  test.each([
    // error codes, dates, times, prices, durations
    'my watch shows error 1002',
    'error1002 keeps coming back, code 1002 again',
    'bought it on 2025-03-04',
    'bought 04/03/2025, or 14.03.2025, or 3/4/25',
    'purchased on 2025-03-04 10:30',
    'it failed at 11pm, again at 10:30 and 23:45',
    'it cost $199.99, was £1,299 or 1299.99 EUR',
    'about 3 months ago, maybe 18 months',
    'between 2019-2021 it was fine',
    'it has 4 bays and 2 hard drives in the cupboard',
    'my 4 bay drive is on the way',
    // ports, addresses on the LAN, firmware versions, DNS
    'ports 443 and 8443 are open, also 80 and 8080',
    'open ports 443 8443 80',
    'forward 443-8443 to the nas',
    'my router is 192.168.1.1 and the NAS 10.0.0.20, or 172.16.4.2',
    'netmask 255.255.255.0 and gateway 192.168.0.254',
    'DNS set to 8.8.8.8 and 1.1.1.1',
    'firmware 5.26.300, DSM 7.2.1-69057, QTS 5.1.0.2444',
    'v1.2.3.4 of the app',
    // model and brand names from the catalogue
    'it is a My Cloud EX2 Ultra from WD, and a My Cloud PR4100',
    'Galaxy Watch 6 and a Fossil Gen 6, plus Pixel Watch 3',
    'my NAS is an EX2 4TB',
    'a WD40EFRX drive in a DS220+',
    'serial number is not on the box',
  ])('%s', (text) => {
    expect(redact(text)).toBe(text);
  });

  test('the tags themselves pass through unchanged (redacting twice changes nothing)', () => {
    fc.assert(fc.property(fc.constantFrom(
      'mail jane@example.com now', 'call +44 20 7946 0958', 'serial WX12A3456789', 'at 221B Baker Street, London', 'ip 81.2.69.160',
    ), fc.string(), (pii, noise) => {
      const once = redact(`${noise} ${pii} ${noise}`);
      expect(redact(once)).toBe(once);
    }));
  });

  test('catalogue words are kept even when they look like a serial number', () => {
    const plain = createRedactor();
    const keeping = createRedactor({ keep: ['ab12cd345'] });
    expect(plain('model AB12CD345')).toBe('model [serial]');
    expect(keeping('model AB12CD345')).toBe('model AB12CD345');
  });
});

describe('redactDeep', () => {
  test('redacts every string in a card or value, keeps keys, numbers and structure', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Your e-mail: jane@example.com', wrap: true }, { type: 'FactSet', facts: [{ title: 'Phone', value: '+44 20 7946 0958' }] }],
      actions: [{ type: 'Action.Submit', title: 'Send', data: { serial: 'WX12A3456789', count: 3, ok: true, none: null } }],
    };
    expect(redactDeep(card, redact)).toEqual({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Your e-mail: [email]', wrap: true }, { type: 'FactSet', facts: [{ title: 'Phone', value: '[phone]' }] }],
      actions: [{ type: 'Action.Submit', title: 'Send', data: { serial: '[serial]', count: 3, ok: true, none: null } }],
    });
    expect(card.body[0].text).toBe('Your e-mail: jane@example.com');
  });
});
