import { adaptiveCard, escapeCardText, mailtoUrl, openUrl, safeUrl, submitAnswer, telUrl } from '../../src/bot/render/adaptiveCards';

describe('escapeCardText', () => {
  test.each([
    ['**bold** [x](javascript:alert(1))', '\\*\\*bold\\*\\* \\[x\\](javascript:alert(1))'],
    ['_italic_ and ~~gone~~ and `code`', '\\_italic\\_ and \\~\\~gone\\~\\~ and \\`code\\`'],
    ['<b>html</b> <javascript:alert(1)>', '\\<b>html\\</b> \\<javascript:alert(1)>'],
    ['![img](https://example.com/x.png)', '!\\[img\\](https://example.com/x.png)'],
    ['a \\ b', 'a \\\\ b'],
    ['- item\n+ item\n* item\n1. item\n2) item', '\\- item\n\\+ item\n\\* item\n1\\. item\n2\\) item'],
    ['# Heading\n> quote\n---\n===', '\\# Heading\n\\> quote\n\\---\n\\==='],
    ['a | b', 'a \\| b'],
  ])('%j is shown literally', (input, escaped) => {
    expect(escapeCardText(input)).toBe(escaped);
  });

  test.each([
    'Go to Settings > Cloud Access.',
    'Closed now, opens at 9:00 AM (America/Los_Angeles time)',
    '+1 555-0110',
    'Error 1002 (Cloud Access) - 3 steps',
    '2025-03-14 or 14/03/2025',
    "It's 100% fine #1",
  ])('ordinary text %j is unchanged', (text) => {
    expect(escapeCardText(text)).toBe(text);
  });
});

describe('links', () => {
  test('only http(s) with a host, tel: digits and plain mailto: pass', () => {
    expect(safeUrl('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(safeUrl(' http://example.com ')).toBe('http://example.com/');
    expect(safeUrl('tel:+15550110')).toBe('tel:+15550110');
    expect(safeUrl('mailto:help@example.com')).toBe('mailto:help@example.com');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', 'tel:+1 555 0110; x', 'mailto:a@example.com?bcc=b@example.com', '//example.com', 'not a url']) {
      expect({ bad, url: safeUrl(bad) }).toEqual({ bad, url: undefined });
    }
  });

  test('tel: keeps digits and a leading + only', () => {
    expect(telUrl('+1 555-0110')).toBe('tel:+15550110');
    expect(telUrl('(555) 0110 ext. 2')).toBe('tel:55501102');
    expect(telUrl('1+234')).toBe('tel:1234');
    expect(telUrl('+1')).toBeUndefined();
    expect(telUrl('call us')).toBeUndefined();
  });

  test('mailto: for a plain address only', () => {
    expect(mailtoUrl('help@example.com')).toBe('mailto:help@example.com');
    expect(mailtoUrl('a@example.com?subject=x')).toBeUndefined();
    expect(mailtoUrl('a@example.com, b@example.com')).toBeUndefined();
    expect(mailtoUrl('javascript:alert(1)//@example.com')).toBeUndefined();
  });

  test('an unsafe link makes no button', () => {
    expect(openUrl('Open', 'javascript:alert(1)')).toEqual([]);
    expect(openUrl('Open', undefined)).toEqual([]);
    expect(openUrl(' Open\n now ', 'https://example.com')).toEqual([{ type: 'Action.OpenUrl', title: 'Open now', url: 'https://example.com/' }]);
  });
});

describe('cards and answer buttons', () => {
  test('an Adaptive Card 1.5 attachment', () => {
    expect(adaptiveCard([{ type: 'TextBlock', text: 'x' }])).toEqual({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x' }] },
    });
    expect(adaptiveCard([], { fullWidth: true }).content.msteams).toEqual({ width: 'Full' });
  });

  test('Action.Submit data: { answer } on Web Chat; plus messageBack on Teams', () => {
    expect(submitAnswer('Fixed it', 'webchat')).toEqual({ type: 'Action.Submit', title: 'Fixed it', data: { answer: 'Fixed it' } });
    expect(submitAnswer('Fixed it', 'teams')).toEqual({
      type: 'Action.Submit',
      title: 'Fixed it',
      data: { answer: 'Fixed it', msteams: { type: 'messageBack', text: 'Fixed it', displayText: 'Fixed it', value: { answer: 'Fixed it' } } },
    });
  });
});
