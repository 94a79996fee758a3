import { Foundation1764057600000 } from './1764057600000-Foundation';

/** Every migration, oldest first. A landed migration is never edited; add a new one. */
export const MIGRATIONS = [Foundation1764057600000];
