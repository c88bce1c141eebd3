import type { Wording } from '../../replies/wording';
import { smsLabels, type SmsLabels } from '../sms/smsLabels';

/** The few words renderers add around replies (labels, hints), taken from knowledge/responses. */
export interface RenderLabels {
  replyHint: string;
  moreDetails: string;
  warning: (text: string) => string;
  phone: (phone: string) => string;
  email: (email: string) => string;
  callButton: (phone: string) => string;
  emailButton: (email: string) => string;
  /** Card labels: the warranty card's title, the hint under answer buttons, contact fact names. */
  warrantyTitle: string;
  answerHint: string;
  factHours: string;
  factPhone: string;
  factEmail: string;
  /** SMS only: "Reply 1, 2 or 3.", the shortened fix's link line, SMS wording of help and welcome. */
  sms: SmsLabels;
}

export function renderLabels(wording: Wording): RenderLabels {
  return {
    replyHint: wording.say('render.reply_hint'),
    moreDetails: wording.say('render.more_details'),
    warning: (text) => wording.say('render.warning', { text }),
    phone: (phone) => wording.say('render.phone', { phone }),
    email: (email) => wording.say('render.email', { email }),
    callButton: (phone) => wording.say('render.call_button', { phone }),
    emailButton: (email) => wording.say('render.email_button', { email }),
    warrantyTitle: wording.say('render.warranty_title'),
    answerHint: wording.say('render.answer_hint'),
    factHours: wording.say('render.fact_hours'),
    factPhone: wording.say('render.fact_phone'),
    factEmail: wording.say('render.fact_email'),
    sms: smsLabels(wording),
  };
}
