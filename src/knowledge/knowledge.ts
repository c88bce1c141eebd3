import type {
  Answer, Article, Catalogue, CommandId, Contacts, Flow, Helpdesk, IntentFile, WarrantyTerms,
} from './schema';
import type { Located } from './readYamlFile';

/** Everything the bot knows, loaded from knowledge/ and dialogs/. Plain data: no behaviour. */
export interface Knowledge {
  catalogue: Catalogue;
  articles: Article[];
  intents: IntentFile[];
  responses: Record<string, string | string[]>;
  answers: Record<string, Answer>;
  /** Words that turn the answer phrase after them around ("not charging"). */
  negations: string[];
  /** Replies that only acknowledge ("ok", "will do"): never "fixed". */
  acknowledgements: string[];
  /** Replies that say the step was done, not how it went ("done"). */
  stepDone: string[];
  /** How how-to questions start ("how do", "whats"). */
  howToOpenings: string[];
  /** How follow-ups start ("what about", "and"). */
  followUpOpenings: string[];
  /** Whole phrases that are commands, such as "forget me". */
  commands: Partial<Record<CommandId, string[]>>;
  contacts: Contacts;
  warranty: WarrantyTerms;
  flows: Flow[];
  /** The internal helpdesk (knowledge/helpdesk.yaml), when the deployment has one. */
  helpdesk?: Helpdesk;
}

/** The same data with the file each part came from, for validation messages. */
export interface KnowledgeSources {
  catalogue: Located<Catalogue>;
  articles: Located<Article>[];
  intents: Located<IntentFile>[];
  responses: Located<{ responses: Record<string, string | string[]> }>[];
  answers: Located<{ answers: Record<string, Answer>; negations: string[]; acknowledgements: string[]; step_done: string[] }>;
  questions: Located<{ how_to_openings: string[]; follow_up_openings: string[] }>;
  commands: Located<{ commands: Partial<Record<CommandId, string[]>> }>;
  contacts: Located<Contacts>;
  warranty: Located<WarrantyTerms>;
  flows: Located<Flow>[];
  helpdesk?: Located<Helpdesk>;
}
