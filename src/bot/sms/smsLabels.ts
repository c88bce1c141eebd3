import type { Wording } from '../../replies/wording';

/** Reply ids whose wording is different on SMS, and the response id used there instead. */
export const SMS_TEXT_IDS: Readonly<Record<string, string>> = {
  // Carriers expect the first message and the answer to HELP to say how to opt out.
  welcome: 'sms.welcome',
  help: 'sms.help',
  'help.in_flow': 'sms.help_in_flow',
};

/** Every response id the SMS layer says (kept in src/replies/responseIds.ts so the validator checks them). */
export const SMS_RESPONSE_IDS = ['sms.reply_numbers', 'sms.reply_number', 'sms.more_steps', 'sms.more_details', 'sms.start', ...Object.values(SMS_TEXT_IDS)];

/** The words the SMS renderer and keyword handling put around replies, from knowledge/responses/sms.yaml. */
export interface SmsLabels {
  /** "Reply 1, 2 or 3." after a numbered list of `count` choices. */
  replyNumbers: (count: number) => string;
  /** The last line of a fix shortened to fit three messages: where the full article is. */
  moreSteps: (link: string) => string;
  /** The last line of a fix that was not shortened. */
  moreDetails: (link: string) => string;
  /** The SMS wording for a reply id, when SMS has its own (see SMS_TEXT_IDS). */
  textFor: (replyId: string) => string | undefined;
}

export function smsLabels(wording: Wording): SmsLabels {
  const texts = new Map(Object.entries(SMS_TEXT_IDS).map(([replyId, id]) => [replyId, wording.say(id)]));
  return {
    replyNumbers: (count) => {
      const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
      if (count <= 1) return wording.say('sms.reply_number', { number: numbers[0] ?? '1' });
      return wording.say('sms.reply_numbers', { numbers: numbers.slice(0, -1).join(', '), last: numbers[numbers.length - 1] });
    },
    moreSteps: (link) => wording.say('sms.more_steps', { link }),
    moreDetails: (link) => wording.say('sms.more_details', { link }),
    textFor: (replyId) => texts.get(replyId),
  };
}
