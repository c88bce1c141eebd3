// A problem in a data file, located by file and line so an author can fix it without reading code.
export interface DataProblem {
  file: string;
  line?: number;
  message: string;
}

export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataError';
  }
}

export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
