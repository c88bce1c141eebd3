// Response ids the code itself uses (flows name theirs in dialogs/). The validator checks each
// exists in knowledge/responses, so a wording file can never lose one the bot needs.
const FIXED_IDS = [
  'welcome', 'greeting', 'help', 'help.in_flow', 'thanks', 'thanks.in_flow', 'greeting.again', 'out_of_scope', 'out_of_scope.in_flow', 'anything_else', 'nothing_else',
  'cancel.done', 'cancel.nothing', 'clarify.intent', 'start.prompt', 'error.turn',
  'input.empty', 'input.empty_in_flow', 'input.no_words', 'input.pick_without_list', 'input.attachment', 'input.attachment_in_flow', 'input.too_long', 'input.slow_down', 'prompt.retry', 'prompt.take_your_time', 'prompt.how_did_it_go', 'side.need_device', 'device.noted',
  'ask.device', 'ask.device_with_code', 'ask.device_retry',
  'flow.did_it_work', 'flow.warning', 'flow.ask_status_page', 'flow.status_up', 'flow.outage', 'flow.outage_end', 'flow.resolved',
  'flow.exhausted', 'flow.resume', 'flow.skipping_tried', 'flow.unknown_code', 'flow.ack_already', 'flow.ack_skip', 'flow.ack_hold', 'flow.back_to_question',
  'article.more',
  'warranty.ask_date', 'warranty.ask_date_retry', 'warranty.dont_know', 'warranty.ambiguous', 'warranty.no_date', 'warranty.remembered_date',
  'warranty.covered', 'warranty.expired', 'warranty.borderline', 'warranty.not_covered_title', 'warranty.bring',
  'contact.intro_brand', 'contact.intro_any', 'contact.no_brand', 'contact.have_ready', 'contact.link_chat',
  'contact.link_site', 'contact.link_locator',
  'repair.intro', 'repair.none', 'repair.questions_title', 'repair.authorised', 'repair.independent',
  'hours.open_until', 'hours.always_open', 'hours.opens_at', 'hours.closed', 'hours.today', 'hours.tomorrow', 'hours.your_time', 'hours.their_time',
  'status.up', 'status.outage', 'status.unknown', 'status.unknown_no_page',
  'escalate.intro', 'escalate.in_warranty', 'escalate.out_of_warranty',
  'summary.title', 'summary.device', 'summary.error', 'summary.purchase', 'summary.warranty', 'summary.not_given',
  'summary.warranty_covered', 'summary.warranty_expired', 'summary.warranty_borderline', 'summary.warranty_unknown',
  'summary.mark_fixed', 'summary.mark_not_fixed', 'summary.mark_declined', 'summary.mark_not_tried', 'summary.copy_hint',
  'render.reply_hint', 'render.more_details', 'render.warning', 'render.phone', 'render.email', 'render.call_button',
  'render.email_button', 'render.warranty_title', 'render.answer_hint', 'render.fact_hours', 'render.fact_phone', 'render.fact_email',
  'teams.welcome', 'teams.welcome_group', 'helpdesk.escalate', 'helpdesk.title', 'helpdesk.have_ready', 'helpdesk.link_portal',
  'intent.troubleshoot', 'intent.warranty', 'intent.repair', 'intent.contact_support',
  // Handing a case to a person (src/handoff/, EscalationDialog)
  'handoff.consent', 'handoff.consent_yes', 'handoff.consent_no', 'handoff.event', 'handoff.ticket_sent',
  'handoff.ticket_queued', 'handoff.ticket_failed', 'handoff.ticket_subject',
  // Saving state, upgrading it, a flow edited mid-conversation, "forget me" (SupportBot, FlowDialog, flowEngine)
  'state.busy', 'state.save_failed', 'state.upgraded', 'flow.updated', 'forget.done',
  // SMS (src/bot/sms/smsLabels.ts, SMS_RESPONSE_IDS)
  'sms.reply_numbers', 'sms.reply_number', 'sms.more_steps', 'sms.more_details', 'sms.start', 'sms.welcome', 'sms.help', 'sms.help_in_flow',
];

/** Every response id the code may ask for, given the product ids in the catalogue. */
export function requiredResponseIds(productIds: string[]): string[] {
  return [...FIXED_IDS, ...productIds.flatMap((p) => [`device.${p}`, `start.${p}`])];
}
