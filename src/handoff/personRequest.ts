import { join } from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../knowledge/readYamlFile';
import { words } from '../nlu/normalise';

export const PERSON_WORDS_FILE = 'knowledge/handoff/person-words.yaml';

const personWordsSchema = z.strictObject({ person: z.array(z.string().trim().min(1)).min(1) });

/**
 * Tells "I want a person" from "what's the phone number" among contact_support messages, by the
 * words in knowledge/handoff/person-words.yaml (whole words or phrases, any case).
 */
export class PersonRequest {
  private readonly phrases: string[];

  constructor(phrases: string[]) {
    this.phrases = phrases.map((p) => words(p).join(' ')).filter(Boolean);
  }

  wantsPerson(text: string): boolean {
    const padded = ` ${words(text).join(' ')} `;
    return this.phrases.some((p) => padded.includes(` ${p} `));
  }
}

/** Reads the phrase list; a broken file throws a DataError naming the file and line. */
export function loadPersonRequest(root: string): PersonRequest {
  return new PersonRequest(readYamlFile(join(root, PERSON_WORDS_FILE), personWordsSchema, root).data.person);
}
