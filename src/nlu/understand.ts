import type { IntentName } from '../knowledge/schema';
import type { EntityExtractor, Entities } from './entityExtractor';
import type { IntentClassifier, IntentScore } from './intentClassifier';
import { features } from './features';
import type { SpellingCorrector } from './spelling';

export interface Understanding {
  text: string;
  intent: IntentName;
  confidence: number;
  /** The best few intents, for clarifying questions when two are close. */
  ranking: IntentScore[];
  entities: Entities;
  /** Two device intents are too close to call, or the best is unsure: ask which one was meant. */
  clarify: boolean;
}

/** The rules around the classifier, as data the caller may tune (the eval sweeps the threshold). */
export interface UnderstandingRules {
  /** Below this calibrated confidence, with nothing of the domain named, a message is out of scope. */
  threshold: number;
  /** Two device intents closer than this ask a clarifying question. */
  clarifyMargin: number;
}

// Intents about the devices themselves: they need at least one word of the domain.
const DOMAIN_INTENTS: IntentName[] = ['troubleshoot', 'warranty', 'repair', 'prevention', 'service_status'];
// How sure the model must be that a message naming the bot's own error code is about something else
// (chosen on the development set and cross-validation with \`npm run eval\`).
const SURELY_OFF_TOPIC = 0.6;
// Intents the bot can offer as a clarifying choice.
const CLARIFIABLE: IntentName[] = [...DOMAIN_INTENTS, 'contact_support'];
// Answering the bot stays what it is, whatever device is mentioned. Asking for a person is kept only for
// the bot's own devices: "vodafone customer care number" is not a contact the bot can give.
const KEEP_WITH_UNSUPPORTED: IntentName[] = ['affirm', 'deny', 'cancel', 'out_of_scope'];
// Short replies are judged by the dialogs (a "yes" that was not understood gets asked again).
const CONVERSATIONAL: IntentName[] = ['affirm', 'deny', 'cancel', 'out_of_scope'];
// Intents an error code does not change ("is 1002 covered by warranty?" stays warranty).
// Short replies keep their intent too: "nope, still 1002" answers the question the bot asked.
const KEEP_WITH_CODE: IntentName[] = ['warranty', 'repair', 'contact_support', 'service_status', 'cancel', 'prevention', 'affirm', 'deny'];

/**
 * Classifier plus entities plus rules the bag of words cannot learn from a few hundred phrases:
 * a device topic with no word of the domain is out of scope ("my cat won't eat"); a device the bot
 * does not support, with none it does, is out of scope ("my printer shows error 1002"), and so is a
 * phone or laptop that is itself the trouble ("my laptop won't charge", not "won't sync with my phone"); and a message
 * naming an error code is a problem report unless it asks about warranty, repair, contact or status.
 * Below the confidence threshold with nothing of the domain named, the message is out of scope.
 */
export class Understander {
  constructor(
    private readonly classifier: IntentClassifier,
    private readonly entities: EntityExtractor,
    private readonly domainWords: ReadonlySet<string>,
    private readonly speller: SpellingCorrector,
    private readonly rules: UnderstandingRules,
  ) {}

  understand(text: string, rules: UnderstandingRules = this.rules): Understanding {
    const tokens = features(text, this.speller);
    const ranking = this.classifier.classifyFeatures(tokens).slice(0, 3);
    const entities = this.entities.extract(text, tokens);
    const { intent, confidence } = this.decide(ranking[0], entities, tokens, rules);
    return { text, intent, confidence, ranking, entities, clarify: needsClarifying(intent, confidence, ranking, rules) };
  }

  private decide(top: IntentScore, e: Entities, tokens: string[], rules: UnderstandingRules): IntentScore {
    const device = Boolean(e.product || e.brand);
    const sure = top.confidence >= rules.threshold;
    // Something the bot does not support, and nothing it does: "my printer shows 1002", "netflix error 1002".
    if (!device && e.unsupported && !KEEP_WITH_UNSUPPORTED.includes(top.intent)) return outOfScope(top);
    // An unsure yes or no about such a device is a report about it, not a reply: "my fridge is broken"
    // leans to "no" on "broken" alone. A sure one stays a reply ("no, the printer is fine").
    if (!device && e.unsupported && !sure && (top.intent === 'affirm' || top.intent === 'deny')) return outOfScope(top);
    // The bot's own code is a problem report ("something says error 1002, what now") unless the words
    // are surely about something else ("is 1002 a prime number"); another code only with a supported device named.
    const ownCode = Boolean(e.errorCode && this.entities.knowsCode(e.errorCode));
    const offTopic = top.intent === 'out_of_scope' && top.confidence >= (ownCode ? SURELY_OFF_TOPIC : rules.threshold);
    if (!device && (e.unsupported || offTopic)) return top;
    const problemCode = ownCode || (e.errorCode && device && top.intent !== 'out_of_scope');
    if (problemCode && !KEEP_WITH_CODE.includes(top.intent)) return { intent: 'troubleshoot', confidence: Math.max(top.confidence, 0.75) };
    const named = device || Boolean(e.errorCode);
    // A phone or laptop that is itself the trouble, and no supported device or code: "my laptop won't charge".
    if (DOMAIN_INTENTS.includes(top.intent) && !named && e.companion) return outOfScope(top);
    if (DOMAIN_INTENTS.includes(top.intent) && !named && !tokens.some((t) => this.domainWords.has(t))) return outOfScope(top);
    // Unsure, and nothing names a device, brand or error: better to say what the bot does than guess.
    if (!sure && !named && !CONVERSATIONAL.includes(top.intent)) return { intent: 'out_of_scope', confidence: 1 - top.confidence };
    return top;
  }
}

function outOfScope(top: IntentScore): IntentScore {
  return { intent: 'out_of_scope', confidence: Math.max(top.confidence, 0.75) };
}

function needsClarifying(intent: IntentName, confidence: number, ranking: IntentScore[], rules: UnderstandingRules): boolean {
  if (!CLARIFIABLE.includes(intent)) return false;
  if (confidence < rules.threshold) return true;
  const [first, second] = ranking;
  return Boolean(second && first.intent === intent && CLARIFIABLE.includes(second.intent)
    && first.confidence - second.confidence < rules.clarifyMargin);
}
