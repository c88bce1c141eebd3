import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Knowledge } from '../knowledge';
import { yamlFilesUnder } from '../knowledge/yamlFiles';
import type { IntentModelData } from '../nlu/intentClassifier';
import type { SearchIndex } from '../search/articleSearch';

/**
 * What `npm run build` keeps so the bot starts without parsing YAML or training: the checked
 * knowledge and the trained intent model, stamped with a fingerprint of the data they came from.
 */
export interface ModelArtifact {
  fingerprint: string;
  builtAt: string;
  knowledge: Knowledge;
  intentModel: IntentModelData;
  searchIndex: SearchIndex;
}

const SOURCE_DIRS = ['knowledge', 'dialogs'];
// The code that turns the data into the model: a change to how words are read retrains it too.
const MODEL_CODE_DIRS = ['nlu', 'search'].map((dir) => join(__dirname, '..', dir));

/** A hash of every data file's path and content and of the model's code: it changes exactly when they do. */
export function sourceFingerprint(root: string, codeDirs: readonly string[] = MODEL_CODE_DIRS): string {
  const hash = createHash('sha256');
  const add = (name: string, path: string) => {
    hash.update(`${name}\0`);
    hash.update(readFileSync(path));
    hash.update('\0');
  };
  for (const dir of SOURCE_DIRS) {
    for (const file of yamlFilesUnder(join(root, dir))) add(`${dir}/${file}`, join(root, dir, file));
  }
  for (const dir of codeDirs) {
    const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name);
    for (const file of files.sort()) add(file, join(dir, file));
  }
  return hash.digest('hex');
}

/** The artifact if it exists and was built from exactly this data; otherwise undefined. */
export function readModelArtifact(file: string, fingerprint: string): ModelArtifact | undefined {
  let artifact: ModelArtifact;
  try {
    artifact = JSON.parse(readFileSync(file, 'utf8')) as ModelArtifact;
  } catch {
    return undefined;
  }
  // An artifact written by older code may lack a part this code needs (the tokenised phrases, the
  // articles' field words and their example questions' words came later).
  const search = artifact.searchIndex;
  const complete = artifact.knowledge && Array.isArray(artifact.intentModel?.docs) && search?.terms && Array.isArray(search.fields) && Array.isArray(search.questions);
  return artifact.fingerprint === fingerprint && complete ? artifact : undefined;
}

/** The artifact when it needs no training: built from this data and code, for this classifier. */
export function upToDateArtifact(file: string, fingerprint: string, algorithm: IntentModelData['algorithm']): ModelArtifact | undefined {
  const artifact = readModelArtifact(file, fingerprint);
  return artifact?.intentModel.algorithm === algorithm ? artifact : undefined;
}

export function writeModelArtifact(file: string, artifact: ModelArtifact): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(artifact));
}
