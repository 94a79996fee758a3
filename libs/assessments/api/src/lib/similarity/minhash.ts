import { murmur3, murmur3Bytes } from './murmur3';

/**
 * Version of everything a stored signature or band key depends on: the
 * tokenisation (`tokenize`), `SHINGLE_SIZE`, the shingle hash and `SEED`,
 * `SIGNATURE_LENGTH`, the hash family and its coefficients, and the band
 * layout and key format. Changing any of them makes stored signatures and band
 * keys meaningless next to new ones: bump this number and recompute every
 * stored fingerprint; never compare fingerprints of different versions.
 */
export const SIGNATURE_VERSION = 1;

/** Words per shingle. Five words: a shared 5-word sequence is rarely chance in prose, yet one edited word only breaks five shingles. */
export const SHINGLE_SIZE = 5;

/** Values per MinHash signature. The Jaccard estimate's standard error is √(J(1−J)/128) ≤ 0.045. */
export const SIGNATURE_LENGTH = 128;

/**
 * Default LSH layout: 64 bands of 2 rows. Two essays become candidates when
 * they agree on every row of at least one band, with probability
 * 1 − (1 − J²)⁶⁴ for Jaccard J:
 *
 *   J      0.02   0.05   0.10   0.15   0.20   0.25   0.30   0.50
 *   64×2   0.025  0.15   0.47   0.77   0.93   0.984  0.998  1 − 10⁻⁸
 *   42×3   0.000  0.005  0.04   0.13   0.29   0.48   0.68   0.996
 *   32×4   0.000  0.000  0.003  0.02   0.05   0.12   0.23   0.87
 *
 * 32×4 misses one pair in eight at J = 0.5. The flag is on containment, and
 * an essay pasted into one four times its length has J ≈ 0.25: 64×2 still finds
 * it 98 times in 100, 42×3 half the time. The price is that honest essays on
 * the same topic (J ≈ 0.02–0.05) are candidates 3–15 % of the time; the
 * service screens them with `estimatedScore` on the stored fingerprints,
 * a 128-value comparison, before loading any text. Padded to ten times its
 * length (J ≈ 0.1) a copy is a candidate only half the time: no banding of
 * one whole-essay signature reaches that without making every essay a
 * candidate. Where that case matters, screen all of a course's stored
 * fingerprints with `estimatedScore` instead (cheap for thousands of essays).
 */
export const LSH_BANDS = 64;
export const LSH_ROWS = 2;

/** Fixed forever for version 1: it seeds the shingle hash and the hash family. */
const SEED = 0x54684863;

/** The Mersenne prime 2³¹ − 1. Every signature value is below it, so it fits a PostgreSQL `integer`. */
const PRIME = 2 ** 31 - 1;
/** Signature value of a text without shingles: no real value reaches it. */
const EMPTY = PRIME;

/**
 * The hash family hᵢ(x) = (aᵢ·x + bᵢ) mod p. The coefficients come from the
 * seeded MurmurHash3 of fixed labels, so every process and release derives the
 * same ones. `a` is split in 16-bit halves: a·x needs 62 bits, a double holds 53.
 */
const A_HIGH = new Float64Array(SIGNATURE_LENGTH);
const A_LOW = new Float64Array(SIGNATURE_LENGTH);
const B = new Float64Array(SIGNATURE_LENGTH);
for (let i = 0; i < SIGNATURE_LENGTH; i++) {
  const a = 1 + (murmur3(`minhash:a:${i}`, SEED) % (PRIME - 1));
  A_HIGH[i] = Math.floor(a / 0x10000);
  A_LOW[i] = a % 0x10000;
  B[i] = murmur3(`minhash:b:${i}`, SEED) % PRIME;
}

/** The distinct shingles of a word sequence, as 32-bit hashes: each run of `k` consecutive words. A text shorter than `k` words has none. */
export function shingleHashes(words: readonly string[], k = SHINGLE_SIZE): Set<number> {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`Shingle size must be a positive integer, got ${k}`);
  }
  const hashes = new Set<number>();
  for (let i = 0; i + k <= words.length; i++) hashes.add(murmur3(words.slice(i, i + k).join(' '), SEED));
  return hashes;
}

/** The MinHash signature of a set of shingle hashes: for each function of the family, its least value over the set. */
export function minHashSignature(shingles: Iterable<number>): number[] {
  const signature = new Array<number>(SIGNATURE_LENGTH).fill(EMPTY);
  for (const shingle of shingles) {
    // Folding the 32-bit hash below p costs a bit; two shingles still collide about once in 10⁹ pairs.
    const x = shingle % PRIME;
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const value = (((A_HIGH[i] * x) % PRIME) * 0x10000 + A_LOW[i] * x + B[i]) % PRIME;
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

const isEmptySignature = (signature: readonly number[]) => signature[0] === EMPTY;

/** The Jaccard similarity the two signatures estimate: the share of positions where they agree. 0 if either text had no shingles. */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`Signatures differ in length: ${a.length} and ${b.length}`);
  if (a.length === 0 || isEmptySignature(a) || isEmptySignature(b)) return 0;
  let agreeing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) agreeing++;
  return agreeing / a.length;
}

/**
 * The LSH keys of a signature: one per band of `rows` consecutive values,
 * `b<band>:<8 hex digits>` (MurmurHash3 of the band's values). Two essays are
 * candidates when they share a key. A text without shingles has none.
 */
export function bandKeys(signature: readonly number[], bands = LSH_BANDS, rows = LSH_ROWS): string[] {
  if (!Number.isInteger(bands) || !Number.isInteger(rows) || bands < 1 || rows < 1) {
    throw new RangeError(`Bands and rows must be positive integers, got ${bands}×${rows}`);
  }
  if (bands * rows > signature.length) {
    throw new RangeError(
      `${bands}×${rows} bands need ${bands * rows} values; the signature has ${signature.length}`,
    );
  }
  if (isEmptySignature(signature)) return [];
  const bytes = new Uint8Array(rows * 4);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bands }, (_, band) => {
    for (let row = 0; row < rows; row++) view.setUint32(row * 4, signature[band * rows + row], true);
    return `b${band}:${murmur3Bytes(bytes, SEED).toString(16).padStart(8, '0')}`;
  });
}

function intersectionSize(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  return shared;
}

/** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle sets; 0 if both are empty. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const shared = intersectionSize(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Share of `a`'s shingles found in `b`, |A ∩ B| / |A|: 1 when `a` was copied whole into a longer `b`. 0 if `a` is empty. */
export function containment(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  return a.size === 0 ? 0 : intersectionSize(a, b) / a.size;
}
