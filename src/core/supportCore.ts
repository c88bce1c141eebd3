import { DateTime } from 'luxon';
import { AnswerRecognizer } from '../flow/answerRecognizer';
import { NO_FIX_RATES, type FixRatesSource } from '../flow/fixOrder';
import type { Knowledge } from '../knowledge';
import { CommandMatcher } from '../nlu/commands';
import type { Redact } from '../privacy/redact';
import { redactorFor } from '../privacy/redactorFor';
import { domainVocabulary } from '../nlu/domainVocabulary';
import { EntityExtractor } from '../nlu/entityExtractor';
import { productHints } from '../nlu/productHints';
import { IntentClassifier, type ClassifierAlgorithm, type IntentModelData } from '../nlu/intentClassifier';
import { Negations } from '../nlu/negations';
import { PhraseList } from '../nlu/phraseList';
import { words } from '../nlu/normalise';
import { SpellingCorrector } from '../nlu/spelling';
import { Understander } from '../nlu/understand';
import { ContactFormatter } from '../replies/contactReplies';
import { FlowReplies } from '../replies/flowReplies';
import { Wording } from '../replies/wording';
import { ArticleSearch, type SearchIndex } from '../search/articleSearch';
import type { CloudStatusChecker } from '../status/cloudStatus';
import { CatalogueLookup } from './catalogueLookup';

export interface CoreOptions {
  classifier?: ClassifierAlgorithm;
  /** A model trained at build time for this knowledge; without it the core trains one. */
  intentModel?: IntentModelData;
  /** The known words' search matches, kept by the build with the model. */
  searchIndex?: SearchIndex;
  confidenceThreshold?: number;
  clarifyMargin?: number;
  statusChecker?: CloudStatusChecker;
  /** Measured fix success rates, for flows whose fixOrder follows the data; default none. */
  fixRates?: FixRatesSource;
  /** The clock; tests pass a fixed one. */
  now?: () => DateTime;
  defaultTimezone?: string;
}

// Chosen from the threshold sweep in `npm run eval` (reports/eval.md); config overrides them.
export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_CLARIFY_MARGIN = 0.15;

/** The pure core, built once from the knowledge: everything a conversation needs, no botbuilder. */
export interface SupportCore {
  knowledge: Knowledge;
  classifier: IntentClassifier;
  lookup: CatalogueLookup;
  wording: Wording;
  understander: Understander;
  search: ArticleSearch;
  answers: AnswerRecognizer;
  /** Words that turn an answer phrase after them around (knowledge/answers.yaml). */
  negations: Negations;
  /** How how-to questions start (knowledge/questions.yaml): `begins(text)`. */
  howToOpenings: PhraseList;
  /** How follow-ups start ("what about", "and"; knowledge/questions.yaml). */
  followUpOpenings: PhraseList;
  commands: CommandMatcher;
  /** Removes personal data from text before it is stored (transcripts, not-understood messages). */
  redact: Redact;
  flowReplies: FlowReplies;
  contacts: ContactFormatter;
  statusChecker: CloudStatusChecker;
  fixRates: FixRatesSource;
  confidenceThreshold: number;
  clarifyMargin: number;
  defaultTimezone?: string;
  now: () => DateTime;
}

export function createSupportCore(knowledge: Knowledge, options: CoreOptions = {}): SupportCore {
  const lookup = new CatalogueLookup(knowledge);
  const threshold = options.confidenceThreshold ?? DEFAULT_THRESHOLD;
  const clarifyMargin = options.clarifyMargin ?? DEFAULT_CLARIFY_MARGIN;
  const speller = new SpellingCorrector(vocabulary(knowledge));
  const algorithm = options.classifier ?? 'bayes';
  const classifier = options.intentModel?.algorithm === algorithm
    ? IntentClassifier.fromData(options.intentModel, speller)
    : IntentClassifier.train(knowledge.intents, speller, algorithm);
  const entities = new EntityExtractor(knowledge.catalogue, lookup.errorCodes(), speller, productHints(knowledge));
  const wording = new Wording(knowledge.responses);
  const negations = new Negations(knowledge.negations);
  const answers = new AnswerRecognizer(knowledge.answers, negations, { acknowledgements: knowledge.acknowledgements, stepDone: knowledge.stepDone });
  return {
    knowledge,
    classifier,
    lookup,
    wording,
    understander: new Understander(classifier, entities, domainVocabulary(knowledge), speller, { threshold, clarifyMargin }),
    search: new ArticleSearch(knowledge.articles, speller, options.searchIndex),
    answers,
    negations,
    howToOpenings: new PhraseList(knowledge.howToOpenings),
    followUpOpenings: new PhraseList(knowledge.followUpOpenings),
    commands: new CommandMatcher(knowledge.commands),
    redact: redactorFor(knowledge),
    flowReplies: new FlowReplies(wording, answers),
    contacts: new ContactFormatter(wording),
    statusChecker: options.statusChecker ?? { check: async () => 'unknown' },
    fixRates: options.fixRates ?? NO_FIX_RATES,
    confidenceThreshold: threshold,
    clarifyMargin,
    defaultTimezone: options.defaultTimezone,
    now: options.now ?? (() => DateTime.now()),
  };
}

// Words the spelling corrector may correct towards: training phrases, aliases, article keywords.
function vocabulary(k: Knowledge): Set<string> {
  const texts = [
    ...k.intents.flatMap((i) => i.examples),
    ...k.catalogue.products.flatMap((p) => p.aliases),
    ...k.catalogue.brands.flatMap((b) => b.aliases),
    ...k.articles.flatMap((a) => [...a.keywords, a.title, ...a.symptoms, ...a.askedAs]),
    ...Object.values(k.answers).flatMap((a) => a.synonyms),
  ];
  return new Set(texts.flatMap((t) => words(t)));
}
