import type { Wording } from '../../replies/wording';

/** The few words renderers add around replies (labels, hints), taken from knowledge/responses. */
export interface RenderLabels {
  replyHint: string;
  moreDetails: string;
  warning: (text: string) => string;
  phone: (phone: string) => string;
  email: (email: string) => string;
  callButton: (phone: string) => string;
  emailButton: (email: string) => string;
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
  };
}
