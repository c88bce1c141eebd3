import type { Activity } from 'botbuilder';
import { PlainTextRenderer, SMS_MAX_MESSAGES_PER_FIX } from '../../src/bot/render/plainTextRenderer';
import { renderLabels } from '../../src/bot/render/renderLabels';
import { rendererFor } from '../../src/bot/render/renderers';
import { isGsm7, measureSms } from '../../src/bot/sms/gsm7';
import { SMS_RESPONSE_IDS } from '../../src/bot/sms/smsLabels';
import { fitsMessage } from '../../src/bot/sms/smsSplit';
import { articleSteps } from '../../src/replies/articleReplies';
import type { ChoicesReply, Reply, StepsReply } from '../../src/replies/reply';
import { requiredResponseIds } from '../../src/replies/responseIds';
import { Wording } from '../../src/replies/wording';
import { realKnowledge } from '../helpers/testCore';

const wording = new Wording(realKnowledge().responses);
const labels = renderLabels(wording);
const sms = rendererFor('sms', labels);
const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '');

/** What every SMS activity must be: plain GSM-7 text in at most two segments, nothing else. */
function expectSms(activities: Partial<Activity>[]): void {
  for (const a of activities) {
    expect(Object.keys(a).sort()).toEqual(['text', 'textFormat', 'type']);
    expect(a.textFormat).toBe('plain');
    expect(isGsm7(a.text!)).toBe(true);
    const m = measureSms(a.text!);
    expect(m.units).toBeLessThanOrEqual(306);
    expect(m.segments).toBeLessThanOrEqual(2);
    expect(a.text).not.toMatch(/\*\*|__|\]\(|`|^#/m);
  }
}

const choices = (n: number): ChoicesReply => ({
  kind: 'choices',
  id: 'flow.did_it_work',
  text: 'Did that fix it?',
  choices: ['Fixed it', 'Still broken', 'Skip', 'Already tried'].slice(0, n).map((label) => ({ value: label, label })),
});

describe('SMS renderer', () => {
  test('sms gets the plain-text renderer with the two-segment limit', () => {
    expect(sms).toBeInstanceOf(PlainTextRenderer);
  });

  test.each([
    [2, 'Reply 1 or 2.'],
    [3, 'Reply 1, 2 or 3.'],
    [4, 'Reply 1, 2, 3 or 4.'],
  ])('%i choices are a numbered list ending with "%s" (worded in knowledge/responses/sms.yaml)', (n, hint) => {
    const out = sms.render([choices(n)]);
    expect(out).toHaveLength(1);
    const lines = out[0].text!.split('\n');
    expect(lines[0]).toBe('Did that fix it?');
    expect(lines.slice(1, -1)).toEqual(choices(n).choices.map((c, i) => `${i + 1}) ${c.label}`));
    expect(lines[lines.length - 1]).toBe(hint);
    expect(labels.sms.replyNumbers(n)).toBe(hint);
    expectSms(out);
  });

  test('a question with one answer does not pretend it is the only reply', () => {
    const ask: ChoicesReply = { kind: 'choices', id: 'warranty.ask_date', text: wording.say('warranty.ask_date'), choices: [{ value: 'unsure', label: "I don't know" }] };
    expect(sms.render([ask])[0].text).toMatch(/\n1\) I don't know\nOr just reply 1\.$/);
  });

  test('Markdown is stripped: bold, links as "label: url", code, headings and bullets', () => {
    const md: Reply = { kind: 'text', id: 't', text: '## Check the router\n**Important:** see [the router guide](https://example.com/router) and `Settings`.\n* Restart it\n• Wait a minute' };
    const [msg] = sms.render([md]);
    expect(msg.text).toBe('Check the router\nImportant: see the router guide: https://example.com/router and Settings.\n- Restart it\n- Wait a minute');
    expectSms([msg]);
  });

  test('text outside GSM-7 is rewritten: curly quotes, dashes, ellipsis, accents; emoji dropped', () => {
    const warning: Reply = { kind: 'text', id: 'warning:x', text: wording.say('flow.warning', { text: 'Don’t pull the NAS’s power – it’s busy…' }) };
    expect(warning.kind === 'text' && warning.text.startsWith('⚠️')).toBe(true);
    const [msg] = sms.render([warning, { kind: 'text', id: 't', text: 'Open “Paramètres” → “Réseau” 👍' }]);
    expect(msg.text).toBe('Don\'t pull the NAS\'s power - it\'s busy...\n\nOpen "Paramètres" -> "Réseau"');
    expectSms([msg]);
  });

  test('replies sent together share messages when they fit, in order', () => {
    const out = sms.render([
      { kind: 'text', id: 'flow.ack_skip', text: wording.say('flow.ack_skip') },
      choices(4),
    ]);
    expect(texts(out)).toEqual([`${wording.say('flow.ack_skip')}\n\nDid that fix it?\n1) Fixed it\n2) Still broken\n3) Skip\n4) Already tried\nReply 1, 2, 3 or 4.`]);
  });

  test('help and welcome have SMS wording that says how to opt out', () => {
    for (const id of ['help', 'help.in_flow', 'welcome']) {
      const [msg] = sms.render([{ kind: 'text', id, text: wording.say(id) }]);
      expect(msg.text).toContain('STOP');
      expectSms([msg]);
    }
    // Other channels keep the usual wording.
    expect(rendererFor('webchat', labels).render([{ kind: 'text', id: 'help', text: wording.say('help') }])[0].text).toBe(wording.say('help'));
  });

  test('every SMS response id is checked by the validator', () => {
    expect(requiredResponseIds([])).toEqual(expect.arrayContaining(SMS_RESPONSE_IDS));
  });
});

describe('SMS fixes: at most three messages', () => {
  const step = (i: number) => `Step ${i} marker: open the companion app, go to Settings, then follow instruction ${i} carefully before you move on to the next one.`;
  const longFix: StepsReply = {
    kind: 'steps',
    id: 'fix:long',
    title: 'Reset the network settings',
    intro: 'This takes about ten minutes and needs the companion app.',
    steps: Array.from({ length: 12 }, (_, i) => step(i + 1)),
    warning: 'This removes saved Wi-Fi networks.',
    link: 'https://support.example.com/smartwatch/network-reset',
  };

  test('a fix too long for three messages keeps its title, warning and first steps, then links the full article', () => {
    const out = texts(sms.render([longFix]));
    expect(out.length).toBeLessThanOrEqual(SMS_MAX_MESSAGES_PER_FIX);
    expect(out.length).toBeGreaterThan(1);
    out.forEach((t, i) => expect(t.startsWith(`(${i + 1}/${out.length}) `)).toBe(true));
    const joined = out.join('\n');
    expect(joined.indexOf(longFix.title)).toBe(joined.indexOf(') ') + 2);
    expect(joined).toContain(labels.warning(longFix.warning!));
    const shown = longFix.steps.filter((s) => joined.includes(s));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.length).toBeLessThan(longFix.steps.length);
    expect(shown).toEqual(longFix.steps.slice(0, shown.length)); // the first ones, in order
    expect(out[out.length - 1].endsWith(labels.sms.moreSteps(longFix.link!))).toBe(true);
    expect(labels.sms.moreSteps(longFix.link!)).toContain(longFix.link);
    expectSms(sms.render([longFix]));
  });

  test('the warning comes before the steps, in the first message', () => {
    const [first] = texts(sms.render([longFix]));
    expect(first).toContain(labels.warning(longFix.warning!));
    expect(first.indexOf('Warning')).toBeLessThan(first.indexOf('1. '));
  });

  test('a fix that fits three messages is not shortened and ends with "More details: link"', () => {
    const fix = { ...longFix, steps: longFix.steps.slice(0, 4) };
    const joined = texts(sms.render([fix])).join('\n');
    for (const s of fix.steps) expect(joined).toContain(s);
    expect(joined.endsWith(labels.sms.moreDetails(fix.link!))).toBe(true);
  });

  test('every fix article in the knowledge fits in three GSM-7 messages of two segments, with its title and warning', () => {
    const fixes = realKnowledge().articles.filter((a) => a.steps && a.steps.length > 0);
    expect(fixes.length).toBeGreaterThan(10);
    for (const article of fixes) {
      const out = sms.render([articleSteps(article)]);
      expect({ id: article.id, messages: out.length <= SMS_MAX_MESSAGES_PER_FIX }).toEqual({ id: article.id, messages: true });
      expectSms(out);
      const joined = texts(out).join('\n');
      expect(joined).toContain(article.title);
      if (article.warning) expect(joined).toContain(article.warning);
      if (article.link) expect(joined).toContain(article.link);
    }
  });

  test('a turn of a fix and its question: each message fits, the question whole in one', () => {
    const out = texts(sms.render([longFix, choices(4)]));
    for (const t of out) expect(fitsMessage(t)).toBe(true);
    expect(out.some((t) => t.includes('Did that fix it?\n1) Fixed it\n2) Still broken\n3) Skip\n4) Already tried\nReply 1, 2, 3 or 4.'))).toBe(true);
  });
});
