import {
  bandKeys,
  containment,
  estimatedJaccard,
  jaccard,
  minHashSignature,
  shingleHashes,
  SIGNATURE_VERSION,
} from './minhash';
import { findPassages, Passage, PassageOptions } from './passages';
import { tokenize } from './text-tokens';

/**
 * The score from which a pair is flagged for the lecturer: half of the shorter
 * essay's 5-word sequences also occur in the other. Light edits of a copy
 * (a few words changed, sentences reordered, accents removed) keep it well
 * above (0.9–1 in the tests); honest essays on the same topic, which share set
 * phrases ("chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh"), stay far below (< 0.1).
 * A flag asks a person to look; it is not a verdict.
 */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * An essay shorter than this is never scored nor made an LSH candidate. Below
 * 50 words (2–3 sentences, 46 shingles) a text is a pledge line, the prompt
 * pasted back or an empty answer: two of them share most of their few shingles
 * without any copying, and the lecturer reads so short an essay anyway.
 */
export const MIN_COMPARABLE_WORDS = 50;

/**
 * The `estimatedScore` from which an LSH candidate's text is loaded and
 * compared exactly, for `DEFAULT_THRESHOLD`. The estimate is noisier the more
 * the lengths differ. Simulated (1,000 pairs each, a 300-shingle essay against
 * one of the same length, 4× and 10× longer), a pair at exactly the threshold
 * passes this screen 100 %, 98.7 % and 94 % of the time, a whole copy ≥ 99.9 %;
 * honest pairs (score 0.05) pass 0 %, 0 % and 2 %.
 */
export const SCREENING_THRESHOLD = 0.25;

/** What the service stores per essay to find candidates without reading texts. */
export interface EssayFingerprint {
  /** `SIGNATURE_VERSION` it was computed with; compare only fingerprints of one version. */
  version: number;
  wordCount: number;
  /** Distinct 5-word shingles: with the signature, it estimates containment. */
  shingleCount: number;
  /** 128 integers in [0, 2³¹ − 1): fits a PostgreSQL `integer[]` or a JSON array. */
  signature: number[];
  /** LSH keys (`b<band>:<hex>`); none for an essay under `MIN_COMPARABLE_WORDS`. */
  bandKeys: string[];
}

export interface EssayComparison {
  /** Exact Jaccard similarity of the two shingle sets. */
  jaccard: number;
  /** Share of the shorter essay's shingles in the other: the larger containment of the two directions. */
  containment: number;
  /** The figure to threshold: `containment`, or 0 when either essay is too short to compare. */
  score: number;
  /** Both essays have at least `MIN_COMPARABLE_WORDS` words. */
  isComparable: boolean;
  /** `score` reaches the threshold. */
  isFlagged: boolean;
  /** Common passages, with spans in both original texts, sorted by position in A. */
  passages: Passage[];
  /** Share of A's words inside the passages. */
  coverage: number;
}

export interface CompareOptions extends PassageOptions {
  /** Default `DEFAULT_THRESHOLD`. */
  threshold?: number;
}

function shinglesOf(text: string) {
  const tokens = tokenize(text);
  return { tokens, shingles: shingleHashes(tokens.map((token) => token.word)) };
}

const isComparableLength = (wordCount: number) => wordCount >= MIN_COMPARABLE_WORDS;

/**
 * Compares two essays exactly. The score is containment rather than Jaccard
 * because Jaccard halves when a copied essay is padded with as much text of
 * one's own, while containment stays near 1; for two copies of similar length
 * the two agree anyway (containment ≥ Jaccard always).
 */
export function compareEssays(
  textA: string,
  textB: string,
  { threshold = DEFAULT_THRESHOLD, minWords }: CompareOptions = {},
): EssayComparison {
  const a = shinglesOf(textA);
  const b = shinglesOf(textB);
  const overlap = Math.max(containment(a.shingles, b.shingles), containment(b.shingles, a.shingles));
  const isComparable = isComparableLength(a.tokens.length) && isComparableLength(b.tokens.length);
  const score = isComparable ? overlap : 0;
  return {
    jaccard: jaccard(a.shingles, b.shingles),
    containment: overlap,
    score,
    isComparable,
    isFlagged: isComparable && score >= threshold,
    ...findPassages(a.tokens, b.tokens, { minWords }),
  };
}

/** The fingerprint of an essay, to store when it is submitted. */
export function essayFingerprint(text: string): EssayFingerprint {
  const { tokens, shingles } = shinglesOf(text);
  const signature = minHashSignature(shingles);
  return {
    version: SIGNATURE_VERSION,
    wordCount: tokens.length,
    shingleCount: shingles.size,
    signature,
    bandKeys: isComparableLength(tokens.length) ? bandKeys(signature) : [],
  };
}

/**
 * `compareEssays`' score estimated from two stored fingerprints, to screen LSH
 * candidates before loading their texts. From the estimated Jaccard J and the
 * set sizes, |A ∩ B| = J(|A| + |B|) / (1 + J); divided by the smaller size.
 * The estimate is noisier the more the lengths differ: screen at
 * `SCREENING_THRESHOLD` and confirm with `compareEssays`.
 */
export function estimatedScore(a: EssayFingerprint, b: EssayFingerprint): number {
  if (a.version !== b.version)
    throw new RangeError(`Fingerprint versions differ: ${a.version} and ${b.version}`);
  if (!isComparableLength(a.wordCount) || !isComparableLength(b.wordCount)) return 0;
  const j = estimatedJaccard(a.signature, b.signature);
  const shared = (j * (a.shingleCount + b.shingleCount)) / (1 + j);
  return Math.min(1, shared / Math.min(a.shingleCount, b.shingleCount));
}
