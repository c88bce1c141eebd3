import type { IntentName } from '../knowledge/schema';
import type { EntityExtractor, Entities } from './entityExtractor';
import type { IntentClassifier, IntentScore } from './intentClassifier';

export interface Understanding {
  text: string;
  intent: IntentName;
  confidence: number;
  /** The best few intents, for clarifying questions when two are close. */
  ranking: IntentScore[];
  entities: Entities;
}

/** Classifier plus entities: what a message means, as plain data. */
export class Understander {
  constructor(
    private readonly classifier: IntentClassifier,
    private readonly entities: EntityExtractor,
  ) {}

  understand(text: string): Understanding {
    const ranking = this.classifier.classify(text).slice(0, 3);
    const entities = this.entities.extract(text);
    let { intent, confidence } = ranking[0];
    // A message that names an error code is a problem report whatever else it says ("1002 again").
    if (entities.errorCode && intent === 'out_of_scope' && entities.product) {
      intent = 'troubleshoot';
      confidence = Math.max(confidence, 0.5);
    }
    return { text, intent, confidence, ranking, entities };
  }
}
