import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { DataError, type DataProblem } from './dataError';

/** Where each parsed file came from, so cross-file checks can point at a line. */
export interface Located<T> {
  file: string;
  data: T;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Reads one YAML file and checks it against a schema; every problem names the file and line. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S, root = process.cwd()): Located<z.output<S>> {
  const name = relative(root, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError([{ file: name, message: code === 'ENOENT' ? 'the file is missing' : `cannot read the file (${code ?? 'error'})` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DataError(doc.errors.map((e) => ({ file: name, line: e.linePos?.[0].line ?? lines.linePos(e.pos[0]).line, message: e.message.split('\n')[0] })));
  }
  const lineOf = (path: readonly (string | number)[]) => nodeLine(doc, lines, path);
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const problems: DataProblem[] = result.error.issues.map((issue) => ({
      file: name,
      line: lineOf(issue.path as (string | number)[]),
      message: `${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`,
    }));
    throw new DataError(problems);
  }
  return { file: name, data: result.data, lineOf };
}

function nodeLine(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number | undefined {
  // Walk up the path until a node exists (a missing key is reported at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
