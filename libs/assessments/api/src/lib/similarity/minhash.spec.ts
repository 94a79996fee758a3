import {
  bandKeys,
  containment,
  estimatedJaccard,
  jaccard,
  LSH_BANDS,
  minHashSignature,
  shingleHashes,
  SIGNATURE_LENGTH,
} from './minhash';
import { murmur3 } from './murmur3';

const SLOGAN = 'hoc tap va lam theo tu tuong dao duc phong cach ho chi minh'.split(' ');

/**
 * Two sets of 200 random shingle hashes sharing `shared` of them (Jaccard
 * shared / (400 − shared)); `trial` makes each pair's elements different.
 */
function overlappingSets(trial: number, shared: number): [Set<number>, Set<number>] {
  const range = (from: number, to: number) =>
    new Set(Array.from({ length: to - from }, (_, i) => murmur3(`trial ${trial}: ${from + i}`)));
  return [range(0, 200), range(200 - shared, 400 - shared)];
}

const sharesBandKey = (a: readonly number[], b: readonly number[]) => {
  const keys = new Set(bandKeys(a));
  return bandKeys(b).some((key) => keys.has(key));
};

describe(shingleHashes.name, () => {
  it('hashes every run of five consecutive words', () => {
    const hashes = shingleHashes(SLOGAN);
    expect(hashes.size).toBe(SLOGAN.length - 4);
    expect([...hashes].slice(0, 3)).toEqual([432923990, 70752593, 2955301382]);
  });

  it('counts a repeated shingle once', () => {
    // The 10 shingles of one copy, and the 4 that straddle the join.
    expect(shingleHashes([...SLOGAN, ...SLOGAN]).size).toBe(10 + 4);
  });

  it('has no shingle for fewer words than the shingle size', () => {
    expect(shingleHashes(['ho', 'chi', 'minh', 'muon']).size).toBe(0);
    expect(shingleHashes(['ho', 'chi', 'minh'], 3).size).toBe(1);
  });

  it('refuses a shingle size below 1', () => {
    expect(() => shingleHashes(SLOGAN, 0)).toThrow(RangeError);
  });
});

describe(minHashSignature.name, () => {
  it('is the same in every process and release (version 1)', () => {
    const signature = minHashSignature(shingleHashes(SLOGAN));
    expect(signature).toHaveLength(SIGNATURE_LENGTH);
    expect(signature.slice(0, 4)).toEqual([397594090, 324290527, 368210980, 328195919]);
    expect(bandKeys(signature).slice(0, 2)).toEqual(['b0:a770b222', 'b1:2e35e474']);
  });

  it('does not depend on the order of the shingles', () => {
    const hashes = [...shingleHashes(SLOGAN)];
    expect(minHashSignature([...hashes].reverse())).toEqual(minHashSignature(hashes));
  });

  it('fits every value in a PostgreSQL integer', () => {
    const [shingles] = overlappingSets(0, 0);
    const signature = minHashSignature(shingles);
    const isPostgresInteger = (value: number) => Number.isInteger(value) && value >= 0 && value < 2 ** 31;
    expect(signature.every(isPostgresInteger)).toBe(true);
  });
});

describe(estimatedJaccard.name, () => {
  it('is 1 for the same set', () => {
    const [shingles] = overlappingSets(1, 0);
    expect(estimatedJaccard(minHashSignature(shingles), minHashSignature(new Set(shingles)))).toBe(1);
  });

  // The standard error is √(J(1 − J)/128) ≤ 0.045: one estimate within 0.15, the mean of 20 within 0.03.
  it.each([
    [0, '0'],
    [19, '0.05'],
    [80, '0.25'],
    [133, '0.5'],
    [180, '0.82'],
  ])('estimates the Jaccard similarity of sets sharing %d of 200 shingles (J ≈ %s)', (shared) => {
    let estimates = 0;
    let truths = 0;
    for (let trial = 0; trial < 20; trial++) {
      const [a, b] = overlappingSets(trial, shared);
      const estimate = estimatedJaccard(minHashSignature(a), minHashSignature(b));
      expect(Math.abs(estimate - jaccard(a, b))).toBeLessThan(0.15);
      estimates += estimate;
      truths += jaccard(a, b);
    }
    expect(Math.abs(estimates - truths) / 20).toBeLessThan(0.03);
  });

  it('is 0 when either text has no shingles', () => {
    const empty = minHashSignature([]);
    expect(estimatedJaccard(empty, empty)).toBe(0);
    expect(estimatedJaccard(empty, minHashSignature(shingleHashes(SLOGAN)))).toBe(0);
  });

  it('refuses signatures of different lengths', () => {
    expect(() => estimatedJaccard([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe(bandKeys.name, () => {
  it('gives one short key per band, named by its band', () => {
    const keys = bandKeys(minHashSignature(shingleHashes(SLOGAN)));
    expect(keys).toHaveLength(LSH_BANDS);
    keys.forEach((key, band) => expect(key).toMatch(new RegExp(`^b${band}:[0-9a-f]{8}$`)));
  });

  it('follows the layout asked for', () => {
    const signature = minHashSignature(shingleHashes(SLOGAN));
    expect(bandKeys(signature, 32, 4)).toHaveLength(32);
    expect(bandKeys(signature, 32, 4)).not.toEqual(bandKeys(signature).slice(0, 32));
  });

  it('gives a text without shingles no key, so it is never a candidate', () => {
    expect(bandKeys(minHashSignature([]))).toEqual([]);
  });

  it('refuses a layout the signature cannot fill', () => {
    const signature = minHashSignature(shingleHashes(SLOGAN));
    expect(() => bandKeys(signature, 65, 2)).toThrow(RangeError);
    expect(() => bandKeys(signature, 0, 2)).toThrow(RangeError);
  });

  // The S-curve 1 − (1 − J²)⁶⁴ predicts 1 − 10⁻⁸, 0.984 and 0.148; 200 random pairs at each.
  it.each([
    [133, '0.5', 1, 1],
    [80, '0.25', 0.95, 1],
    [19, '0.05', 0.05, 0.3],
  ])(
    'makes pairs sharing %d of 200 shingles (J ≈ %s) candidates as often as predicted',
    (shared, _j, min, max) => {
      let candidates = 0;
      for (let trial = 0; trial < 200; trial++) {
        const [a, b] = overlappingSets(trial, shared);
        if (sharesBandKey(minHashSignature(a), minHashSignature(b))) candidates++;
      }
      expect(candidates / 200).toBeGreaterThanOrEqual(min);
      expect(candidates / 200).toBeLessThanOrEqual(max);
    },
  );
});

describe(jaccard.name, () => {
  it('is |A ∩ B| / |A ∪ B|', () => {
    expect(jaccard(new Set([1, 2, 3, 4]), new Set([3, 4, 5, 6]))).toBeCloseTo(2 / 6);
    expect(jaccard(new Set([1, 2]), new Set([1, 2]))).toBe(1);
    expect(jaccard(new Set([1, 2]), new Set([3]))).toBe(0);
  });

  it('is 0 for two empty sets', () => {
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe(containment.name, () => {
  it('is the share of the first set found in the second', () => {
    expect(containment(new Set([1, 2, 3, 4]), new Set([3, 4, 5, 6]))).toBe(0.5);
    expect(containment(new Set([1, 2]), new Set([0, 1, 2, 3, 4, 5, 6, 7]))).toBe(1);
    expect(containment(new Set([0, 1, 2, 3, 4, 5, 6, 7]), new Set([1, 2]))).toBe(0.25);
  });

  it('is 0 for an empty first set', () => {
    expect(containment(new Set(), new Set([1]))).toBe(0);
  });
});
