import { ClassHistoryEntry, ClassLedgerType, OpeningException } from '@thuchoc/classes/contracts';

/** Translates a key with parameters; the component passes Transloco's, tests a real one. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Names listed in full up to this many; beyond, "A, B và N người khác". */
const MAX_LISTED_NAMES = 3;

const KNOWN_EXCEPTIONS: readonly string[] = Object.values(OpeningException);

/** Sentence keys of the entries whose story needs nothing but the actor and the learners. */
const PLAIN_SENTENCES: Readonly<Record<string, string>> = {
  [ClassLedgerType.ClassCreated]: 'created',
  [ClassLedgerType.PolicySnapshot]: 'policySnapshot',
  [ClassLedgerType.ClassRunning]: 'running',
  [ClassLedgerType.ClassClosed]: 'closed',
  [ClassLedgerType.ClassArchived]: 'archived',
  [ClassLedgerType.EnrollmentAdded]: 'enrollmentAdded',
  [ClassLedgerType.EnrollmentRequested]: 'enrollmentRequested',
  [ClassLedgerType.EnrollmentApproved]: 'enrollmentApproved',
  [ClassLedgerType.EnrollmentRejected]: 'enrollmentRejected',
  [ClassLedgerType.EnrollmentPromoted]: 'enrollmentPromoted',
};

/** Opening steps, told with the exceptions that made an approval necessary. */
const OPENING_SENTENCES: Readonly<Record<string, string>> = {
  [ClassLedgerType.OpeningRequested]: 'openingRequested',
  [ClassLedgerType.OpeningApproved]: 'openingApproved',
  [ClassLedgerType.OpeningRejected]: 'openingRejected',
};

/**
 * A class's ledger, in chain order, as one sentence per entry. A decision on
 * an opening is told with the exceptions of the request it answers.
 */
export function describeClassHistory(entries: readonly ClassHistoryEntry[], t: Translate): string[] {
  let requested: string[] = [];
  return entries.map((entry) => {
    if (entry.type === ClassLedgerType.OpeningRequested) requested = openingExceptions(entry.payload);
    return describeHistoryEntry(entry, t, requested);
  });
}

/**
 * A class ledger entry as one plain sentence, e.g. "Trần Thị Thu Hà ghi danh
 * Nguyễn Văn An" or "Lớp được mở với 25 học viên". The reason, time and
 * sequence number are shown beside it, not in it. `requestedExceptions` are
 * those of the latest opening request, for a decision that does not repeat them.
 */
export function describeHistoryEntry(
  entry: ClassHistoryEntry,
  t: Translate,
  requestedExceptions: readonly string[] = [],
): string {
  const say = (key: string, params: Record<string, unknown> = {}) =>
    t(`classes.history.entries.${key}`, {
      actor: entry.actorName ?? t('classes.history.system'),
      names: listNames(entry.subjectNames, t, entry.subjectCount),
      ...params,
    });

  const plain = PLAIN_SENTENCES[entry.type];
  if (plain !== undefined) return say(plain);

  const opening = OPENING_SENTENCES[entry.type];
  if (opening !== undefined) {
    const own = openingExceptions(entry.payload);
    const exceptions = own.length > 0 ? own : requestedExceptions;
    if (exceptions.length === 0) return say(opening);
    const phrases = exceptions.map((exception) => t(`classes.exceptions.phrase.${exception}`));
    return say(`${opening}Because`, { exceptions: joinWithAnd(phrases, t) });
  }

  switch (entry.type) {
    case ClassLedgerType.ClassOpened: {
      const count = numberIn(entry.payload, 'activeCount') ?? numberIn(entry.payload, 'openedSize');
      return count === null ? say('opened') : say('openedWith', { count });
    }
    case ClassLedgerType.EnrollmentWithdrawn:
      // A learner who left on their own is both the actor and the only subject.
      return entry.subjectNames.length === 1 && entry.actorName === entry.subjectNames[0]
        ? say('enrollmentWithdrewSelf')
        : say('enrollmentWithdrawn');
    default:
      return say('unknown', { type: entry.type });
  }
}

/**
 * "A", "A, B, C", or "A, B và 3 người khác"; a neutral word when the learners
 * are not named. `total` counts learners beyond the names sent (a grouped import).
 */
export function listNames(names: readonly string[], t: Translate, total = names.length): string {
  if (names.length === 0) return t('classes.history.someone');
  if (total <= MAX_LISTED_NAMES && names.length === total) return names.join(', ');
  const listed = names.slice(0, Math.min(names.length, MAX_LISTED_NAMES - 1));
  return t('classes.history.andOthers', { names: listed.join(', '), count: total - listed.length });
}

function joinWithAnd(phrases: readonly string[], t: Translate): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} ${t('classes.history.and')} ${phrases[phrases.length - 1]}`;
}

function openingExceptions(payload: Record<string, unknown>): string[] {
  const value = payload['exceptions'];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && KNOWN_EXCEPTIONS.includes(item))
    : [];
}

function numberIn(payload: Record<string, unknown>, key: string): number | null {
  const value = payload[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
