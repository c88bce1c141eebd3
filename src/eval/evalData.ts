import { join } from 'node:path';
import { z } from 'zod';
import type { Knowledge } from '../knowledge';
import { DataError, type DataProblem } from '../knowledge/dataError';
import { readYamlFile, type Located } from '../knowledge/readYamlFile';
import { intentNames } from '../knowledge/schema';
import { features } from '../nlu/features';

// Labelled messages for `npm run eval`: a development set to study misses and improve the data, and a
// held-out set, by a separate author, that is only ever scored. Neither may repeat a training phrase.
export const EVAL_FILES = {
  intentsDev: 'test/data/intents-dev.yaml',
  intentsHeldout: 'test/data/intents-heldout.yaml',
  searchDev: 'test/data/search-dev.yaml',
  searchHeldout: 'test/data/search-heldout.yaml',
} as const;

const text = z.string().trim().min(1);

const intentExampleSchema = z.strictObject({
  text,
  intent: z.enum(intentNames),
  product: z.string().optional(),
  brand: z.string().optional(),
  errorCode: z.string().regex(/^\d{2,5}$/).optional(),
});
const intentSetSchema = z.strictObject({ examples: z.array(intentExampleSchema).min(1) });

const searchQuestionSchema = z.strictObject({ text, article: z.string(), product: z.string() });
const searchSetSchema = z.strictObject({ questions: z.array(searchQuestionSchema).min(1) });

export type IntentExample = z.infer<typeof intentExampleSchema>;
export type SearchQuestion = z.infer<typeof searchQuestionSchema>;

export function loadIntentSet(root: string, file: string): IntentExample[] {
  return readYamlFile(join(root, file), intentSetSchema, root).data.examples;
}

export function loadSearchSet(root: string, file: string): SearchQuestion[] {
  return readYamlFile(join(root, file), searchSetSchema, root).data.questions;
}

/**
 * Checks the evaluation files like the knowledge: labels that exist, and no message that is also a
 * training phrase once normalised (a held-out score over phrases the model has seen means nothing).
 */
export function checkEvalData(root: string, k: Knowledge): DataProblem[] {
  const problems: DataProblem[] = [];
  const training = new Set(k.intents.flatMap((i) => i.examples.map(key)));
  const products = new Set(k.catalogue.products.map((p) => p.id));
  const brands = new Set(k.catalogue.brands.map((b) => b.id));
  const articles = new Set(k.articles.map((a) => a.id));
  const seen = new Map<string, string>();
  const check = (file: string, doc: Located<unknown>, path: (string | number)[], message: string) =>
    problems.push({ file, line: doc.lineOf(path), message });

  for (const file of [EVAL_FILES.intentsDev, EVAL_FILES.intentsHeldout]) {
    const doc = readOrCollect(root, file, intentSetSchema, problems);
    doc?.data.examples.forEach((e, i) => {
      const at = ['examples', i];
      if (training.has(key(e.text))) check(file, doc, [...at, 'text'], `"${e.text}" is also a training phrase in knowledge/nlu`);
      if (e.product && !products.has(e.product)) check(file, doc, [...at, 'product'], `unknown product "${e.product}"`);
      if (e.brand && !brands.has(e.brand)) check(file, doc, [...at, 'brand'], `unknown brand "${e.brand}"`);
      const other = seen.get(key(e.text));
      if (other) check(file, doc, [...at, 'text'], `"${e.text}" is also in ${other}`);
      seen.set(key(e.text), file);
    });
  }
  // The search reads these fields: a question that is one of them scores the index, not the search.
  const wordings = new Map(k.articles.flatMap((a) => [...a.keywords, ...a.symptoms, ...a.askedAs].map((w) => [key(w), a.id] as const)));
  const asked = new Map<string, string>();
  for (const file of [EVAL_FILES.searchDev, EVAL_FILES.searchHeldout]) {
    const doc = readOrCollect(root, file, searchSetSchema, problems);
    doc?.data.questions.forEach((q, i) => {
      const at = ['questions', i];
      const phrase = key(q.text);
      if (!articles.has(q.article)) check(file, doc, [...at, 'article'], `unknown article "${q.article}"`);
      if (!products.has(q.product)) check(file, doc, [...at, 'product'], `unknown product "${q.product}"`);
      const wordingOf = wordings.get(phrase);
      if (wordingOf) check(file, doc, [...at, 'text'], `"${q.text}" is also a keyword, symptom or askedAs of article ${wordingOf}`);
      const other = asked.get(phrase);
      if (other) check(file, doc, [...at, 'text'], `"${q.text}" is also in ${other}`);
      asked.set(phrase, file);
    });
  }
  return problems;
}

function readOrCollect<S extends z.ZodType>(root: string, file: string, schema: S, problems: DataProblem[]) {
  try {
    return readYamlFile(join(root, file), schema, root);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    problems.push(...err.problems);
    return undefined;
  }
}

// Two messages are the same phrase when the classifier sees the same words.
function key(message: string): string {
  return features(message).join(' ');
}
