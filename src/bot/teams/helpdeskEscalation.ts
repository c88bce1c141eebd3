import type { TurnContext } from 'botbuilder';
import type { SupportCore } from '../../core/supportCore';
import { userTimezone } from '../../core/turnContextInfo';
import type { Helpdesk } from '../../knowledge';
import type { ContactsReply, Reply } from '../../replies/reply';
import type { ReplySender } from '../replySender';

/** Where Teams users are sent when the fixes run out or they ask for a person. */
export type TeamsEscalation = 'helpdesk' | 'consumer';

// Consumer contacts that the internal helpdesk replaces, the advice that goes with them, and what has no place.
const CONSUMER_CONTACTS = new Set(['contact.manufacturer', 'repair.centres', 'contact.no_brand', 'repair.none']);
const REWORDED: Record<string, string> = {
  'escalate.in_warranty': 'helpdesk.escalate',
  'escalate.out_of_warranty': 'helpdesk.escalate',
  'contact.have_ready': 'helpdesk.have_ready',
};
const DROPPED = new Set(['repair.questions']);

/** The helpdesk as a contacts reply, with opening hours in the person's time zone when Teams gives it. */
export function helpdeskContacts(core: SupportCore, helpdesk: Helpdesk, zone?: string): ContactsReply {
  const now = core.now();
  return {
    kind: 'contacts',
    id: 'helpdesk.contacts',
    title: core.wording.say('helpdesk.title'),
    contacts: helpdesk.contacts.map((h) => ({
      name: h.name,
      note: h.note,
      phone: h.phone,
      email: h.email,
      links: [
        ...(h.portal ? [{ label: core.wording.say('helpdesk.link_portal'), url: h.portal }] : []),
        ...(h.chat ? [{ label: core.wording.say('contact.link_chat'), url: h.chat }] : []),
      ],
      hours: core.contacts.hours(h.hours, now, zone),
    })),
  };
}

/**
 * The same replies with manufacturer and repair-shop contacts swapped for the helpdesk (once per
 * batch), their advice reworded for it, and the repair-shop questions left out. Everything else
 * (fix steps, warranty, the case summary to paste into a ticket) is unchanged.
 */
export function toHelpdesk(replies: Reply[], helpdesk: () => ContactsReply, say: (id: string) => string): Reply[] {
  if (!replies.some((r) => CONSUMER_CONTACTS.has(r.id))) return replies;
  const out: Reply[] = [];
  const seen = new Set<string>();
  for (const r of replies) {
    const id = CONSUMER_CONTACTS.has(r.id) ? 'helpdesk.contacts' : REWORDED[r.id] ?? r.id;
    if (DROPPED.has(r.id) || (id !== r.id && seen.has(id))) continue;
    seen.add(id);
    if (id === 'helpdesk.contacts') out.push(helpdesk());
    else if (id !== r.id) out.push({ kind: 'text', id, text: say(id) });
    else out.push(r);
  }
  return out;
}

/**
 * A sender that, in Teams only, points to the internal helpdesk instead of consumer contacts. The
 * dialogs stay channel-neutral; this sits between them and the renderer.
 */
export function withTeamsHelpdesk(sender: ReplySender, core: SupportCore, helpdesk: Helpdesk): ReplySender {
  const wrapped = Object.create(sender) as ReplySender;
  wrapped.send = (ctx: TurnContext, replies: Reply[]) => sender.send(ctx, ctx.activity.channelId === 'msteams'
    ? toHelpdesk(replies, () => helpdeskContacts(core, helpdesk, userTimezone(ctx.activity, core.defaultTimezone)), (id) => core.wording.say(id))
    : replies);
  return wrapped;
}
