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
}

// Intents about the devices themselves: they need at least one word of the domain.
const DOMAIN_INTENTS: IntentName[] = ['troubleshoot', 'warranty', 'repair', 'prevention', 'service_status'];
// Short replies are judged by the dialogs (a "yes" that was not understood gets asked again).
const CONVERSATIONAL: IntentName[] = ['affirm', 'deny', 'cancel', 'out_of_scope'];
// Intents an error code does not change ("is 1002 covered by warranty?" stays warranty).
const KEEP_WITH_CODE: IntentName[] = ['warranty', 'repair', 'contact_support', 'service_status', 'cancel', 'prevention'];

/**
 * Classifier plus entities plus two rules the bag of words cannot learn from a few hundred phrases:
 * a device topic with no word of the domain is out of scope ("my cat won't eat"), and a message naming
 * an error code is a problem report unless it asks about warranty, repair, contact or status.
 * Below the confidence threshold with nothing of the domain named, the message is out of scope.
 */
export class Understander {
  constructor(
    private readonly classifier: IntentClassifier,
    private readonly entities: EntityExtractor,
    private readonly domainWords: ReadonlySet<string>,
    private readonly speller: SpellingCorrector,
    private readonly threshold: number,
  ) {}

  understand(text: string): Understanding {
    const tokens = features(text, this.speller);
    const ranking = this.classifier.classifyFeatures(tokens).slice(0, 3);
    const entities = this.entities.extract(text);
    let { intent, confidence } = ranking[0];
    const named = Boolean(entities.product || entities.brand || entities.errorCode);
    if (entities.errorCode && !KEEP_WITH_CODE.includes(intent)) {
      intent = 'troubleshoot';
      confidence = Math.max(confidence, 0.75);
    } else if (DOMAIN_INTENTS.includes(intent) && !named && !tokens.some((t) => this.domainWords.has(t))) {
      intent = 'out_of_scope';
      confidence = Math.max(confidence, 0.75);
    } else if (confidence < this.threshold && !named && !CONVERSATIONAL.includes(intent)) {
      // Unsure, and nothing names a device, brand or error: better to say what the bot does than guess.
      intent = 'out_of_scope';
      confidence = 1 - confidence;
    }
    return { text, intent, confidence, ranking, entities };
  }
}
