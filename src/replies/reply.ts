/**
 * The channel-neutral reply model. Dialogs produce these; one renderer per channel turns them
 * into activities (cards and buttons on Web Chat and Teams, short plain text on SMS).
 * `id` names what was said (a response id or e.g. "fix:sw-restart"), for tests and analytics.
 */
export type Reply = TextReply | StepsReply | ChoicesReply | ContactsReply | SummaryReply;

export interface TextReply {
  kind: 'text';
  id: string;
  text: string;
}

export interface StepsReply {
  kind: 'steps';
  id: string;
  title: string;
  intro?: string;
  steps: string[];
  warning?: string;
  link?: string;
}

export interface Choice {
  /** What comes back when the choice is picked (an answer id or a short command). */
  value: string;
  label: string;
}

export interface ChoicesReply {
  kind: 'choices';
  id: string;
  text: string;
  choices: Choice[];
}

export interface ContactEntry {
  name: string;
  note?: string;
  phone?: string;
  email?: string;
  links: { label: string; url: string }[];
  /** e.g. "Open now until 8:00 PM" or "Opens Monday 9:00 AM (your time)". */
  hours?: string;
}

export interface ContactsReply {
  kind: 'contacts';
  id: string;
  title: string;
  contacts: ContactEntry[];
}

export interface SummaryReply {
  kind: 'summary';
  id: string;
  title: string;
  lines: string[];
}
