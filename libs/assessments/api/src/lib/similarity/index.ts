export {
  compareEssays,
  DEFAULT_THRESHOLD,
  essayFingerprint,
  estimatedScore,
  MIN_COMPARABLE_WORDS,
  SCREENING_THRESHOLD,
} from './similarity';
export type { CompareOptions, EssayComparison, EssayFingerprint } from './similarity';
export {
  bandKeys,
  containment,
  estimatedJaccard,
  jaccard,
  LSH_BANDS,
  LSH_ROWS,
  minHashSignature,
  shingleHashes,
  SHINGLE_SIZE,
  SIGNATURE_LENGTH,
  SIGNATURE_VERSION,
} from './minhash';
export { overlappingPassages } from './passages';
export type { Passage, PassageMatch, PassageOptions, TextSpan } from './passages';
export { tokenize } from './text-tokens';
export type { WordToken } from './text-tokens';
