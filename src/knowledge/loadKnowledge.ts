import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DataError, type DataProblem } from './dataError';
import { readYamlFile, type Located } from './readYamlFile';
import {
  answersSchema, articleSchema, catalogueSchema, commandsSchema, contactsSchema, flowSchema, helpdeskSchema, intentFileSchema,
  questionsSchema, responsesSchema, warrantySchema,
} from './schema';
import type { Knowledge, KnowledgeSources } from './knowledge';
import { crossCheck } from './crossCheck';
import { yamlFilesUnder } from './yamlFiles';

export const HELPDESK_FILE = 'knowledge/helpdesk.yaml';

/**
 * Loads and checks knowledge/ and dialogs/ under `root`. Collects every problem before throwing,
 * so one run of `npm run validate` shows them all.
 */
export function loadKnowledgeSources(root: string): KnowledgeSources {
  const problems: DataProblem[] = [];
  const read = <S extends z.ZodType>(file: string, schema: S): Located<z.output<S>> | undefined => {
    try {
      return readYamlFile(join(root, file), schema, root);
    } catch (err) {
      if (err instanceof DataError) problems.push(...err.problems);
      else throw err;
      return undefined;
    }
  };
  const readAll = <S extends z.ZodType>(dir: string, schema: S) =>
    yamlFilesUnder(join(root, dir)).map((f) => read(join(dir, f), schema)).filter(isDefined);

  const sources = {
    catalogue: read('knowledge/catalogue.yaml', catalogueSchema),
    articles: readAll('knowledge/articles', articleSchema),
    intents: readAll('knowledge/nlu', intentFileSchema),
    responses: readAll('knowledge/responses', responsesSchema),
    answers: read('knowledge/answers.yaml', answersSchema),
    questions: read('knowledge/questions.yaml', questionsSchema),
    commands: read('knowledge/commands.yaml', commandsSchema),
    contacts: read('knowledge/contacts.yaml', contactsSchema),
    warranty: read('knowledge/warranty.yaml', warrantySchema),
    flows: readAll('dialogs', flowSchema),
    // Optional: only deployments that point Teams users to an internal helpdesk have one.
    helpdesk: existsSync(join(root, HELPDESK_FILE)) ? read(HELPDESK_FILE, helpdeskSchema) : undefined,
  };
  if (problems.length > 0) throw new DataError(problems);
  return sources as KnowledgeSources;
}

export function toKnowledge(s: KnowledgeSources): Knowledge {
  return {
    catalogue: s.catalogue.data,
    articles: s.articles.map((a) => a.data),
    intents: s.intents.map((i) => i.data),
    responses: Object.assign({}, ...s.responses.map((r) => r.data.responses)),
    answers: s.answers.data.answers,
    negations: s.answers.data.negations,
    acknowledgements: s.answers.data.acknowledgements,
    stepDone: s.answers.data.step_done,
    howToOpenings: s.questions.data.how_to_openings,
    followUpOpenings: s.questions.data.follow_up_openings,
    commands: s.commands.data.commands,
    contacts: s.contacts.data,
    warranty: s.warranty.data,
    flows: s.flows.map((f) => f.data),
    ...(s.helpdesk ? { helpdesk: s.helpdesk.data } : {}),
  };
}

/** Loads, cross-checks and returns the knowledge; throws DataError naming file and line. */
export function loadKnowledge(root: string): Knowledge {
  const sources = loadKnowledgeSources(root);
  const { errors } = crossCheck(sources);
  if (errors.length > 0) throw new DataError(errors);
  return toKnowledge(sources);
}

function isDefined<T>(x: T | undefined): x is T {
  return x !== undefined;
}
