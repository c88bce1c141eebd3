export type { Knowledge } from './knowledge';
export type * from './schema';
