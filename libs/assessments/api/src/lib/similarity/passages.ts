import { tokenize, WordToken } from './text-tokens';

/** A range of an original text: UTF-16 offsets, `end` exclusive (`text.slice(start, end)`). */
export interface TextSpan {
  start: number;
  end: number;
}

/** The same run of words (after normalisation) in both essays, from its first word's first character to its last word's last. */
export interface Passage {
  a: TextSpan;
  b: TextSpan;
  wordCount: number;
}

export interface PassageMatch {
  /** Sorted by position in A; they never overlap in A. */
  passages: Passage[];
  /** Share of A's words inside a passage, 0–1 (0 for a text without words). */
  coverage: number;
}

export interface PassageOptions {
  /** The shortest run of common words reported. Default 8: shorter runs are mostly set phrases. */
  minWords?: number;
}

/**
 * Positions in B listed per starting word run. A text that repeats one phrase
 * hundreds of times would otherwise make every look-up try hundreds of
 * positions; the cap keeps the walk linear at the cost of perhaps not finding
 * the longest run in such a degenerate text.
 */
const MAX_POSITIONS_PER_RUN = 32;

function positionsByRun(words: readonly string[], length: number): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  for (let j = 0; j + length <= words.length; j++) {
    const key = words.slice(j, j + length).join(' ');
    const list = positions.get(key);
    if (!list) positions.set(key, [j]);
    else if (list.length < MAX_POSITIONS_PER_RUN) list.push(j);
  }
  return positions;
}

function commonLength(a: readonly string[], i: number, b: readonly string[], j: number): number {
  let length = 0;
  while (i + length < a.length && j + length < b.length && a[i + length] === b[j + length]) length++;
  return length;
}

/** The longest common run starting at A's word `i`, among B's positions that start with the same `minWords` words. */
function longestRunAt(a: readonly string[], i: number, b: readonly string[], starts: readonly number[]) {
  let best = { j: -1, length: 0 };
  for (const j of starts) {
    const length = commonLength(a, i, b, j);
    if (length > best.length) best = { j, length };
  }
  return best;
}

const spanOf = (tokens: readonly WordToken[], first: number, count: number): TextSpan => ({
  start: tokens[first].start,
  end: tokens[first + count - 1].end,
});

/**
 * The passages two tokenised texts share. Every run of `minWords` words of B
 * is indexed; A is walked word by word and, where its next `minWords` words
 * occur in B, the match is extended as far as the words agree (so overlapping
 * and adjacent matches on one alignment become one passage), the longest
 * extension is kept and the walk resumes after it. Expected O(|A| + |B|).
 */
export function findPassages(
  tokensA: readonly WordToken[],
  tokensB: readonly WordToken[],
  { minWords = 8 }: PassageOptions = {},
): PassageMatch {
  if (!Number.isInteger(minWords) || minWords < 1) {
    throw new RangeError(`minWords must be a positive integer, got ${minWords}`);
  }
  const a = tokensA.map((token) => token.word);
  const b = tokensB.map((token) => token.word);
  const positions = positionsByRun(b, minWords);
  const passages: Passage[] = [];
  let covered = 0;
  for (let i = 0; i + minWords <= a.length;) {
    const starts = positions.get(a.slice(i, i + minWords).join(' '));
    if (!starts) {
      i++;
      continue;
    }
    const { j, length } = longestRunAt(a, i, b, starts);
    passages.push({ a: spanOf(tokensA, i, length), b: spanOf(tokensB, j, length), wordCount: length });
    covered += length;
    i += length;
  }
  return { passages, coverage: a.length === 0 ? 0 : covered / a.length };
}

/**
 * The passages two essays share — maximal runs of at least `minWords` common
 * words after normalisation (case, diacritics, punctuation and digits ignored) —
 * with their spans in both original texts, for showing them side by side.
 */
export function overlappingPassages(
  textA: string,
  textB: string,
  options: PassageOptions = {},
): PassageMatch {
  return findPassages(tokenize(textA), tokenize(textB), options);
}
