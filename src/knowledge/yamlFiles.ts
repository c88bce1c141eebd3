import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The .yaml/.yml files under `dir` (recursively), as sorted paths relative to it; none if it is missing. */
export function yamlFilesUnder(dir: string, prefix = ''): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, name)).isDirectory()) return yamlFilesUnder(join(dir, name), rel);
    return /\.ya?ml$/.test(name) ? [rel] : [];
  });
}
