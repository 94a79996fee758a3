import { Foundation1764057600000 } from './1764057600000-Foundation';
import { IntegrityLedger1764072000000 } from './1764072000000-IntegrityLedger';

/** Every migration, oldest first. A landed migration is never edited; add a new one. */
export const MIGRATIONS = [Foundation1764057600000, IntegrityLedger1764072000000];
