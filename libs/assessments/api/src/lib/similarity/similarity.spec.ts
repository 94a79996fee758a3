import { SIGNATURE_VERSION } from './minhash';
import {
  compareEssays,
  DEFAULT_THRESHOLD,
  essayFingerprint,
  EssayFingerprint,
  estimatedScore,
  MIN_COMPARABLE_WORDS,
  SCREENING_THRESHOLD,
} from './similarity';
import { tokenize } from './text-tokens';
import {
  ESSAY_HOA_BINH,
  ESSAY_LONG_THANH,
  ESSAY_PHU_HOI,
  ESSAY_PHU_HOI_WITH_LONG_THANH_PASTED,
  ESSAY_TAN_PHU,
  ESSAY_TAN_PHU_NEAR_COPY,
  withoutDiacritics,
} from './testing/sample-essays';

const HONEST_ESSAYS = { ESSAY_TAN_PHU, ESSAY_HOA_BINH, ESSAY_PHU_HOI, ESSAY_LONG_THANH };
const HONEST_PAIRS = Object.entries(HONEST_ESSAYS).flatMap(([nameA, a], i) =>
  Object.entries(HONEST_ESSAYS)
    .slice(i + 1)
    .map(([nameB, b]) => [nameA, nameB, a, b]),
);

/** The text up to the end of its `count`-th word. */
const firstWords = (text: string, count: number) => text.slice(0, tokenize(text)[count - 1].end);

const sharedBandKeys = (a: EssayFingerprint, b: EssayFingerprint) =>
  a.bandKeys.filter((key) => b.bandKeys.includes(key));

describe(compareEssays.name, () => {
  it('scores an essay against itself 1', () => {
    expect(compareEssays(ESSAY_TAN_PHU, ESSAY_TAN_PHU)).toMatchObject({
      jaccard: 1,
      containment: 1,
      score: 1,
      isComparable: true,
      isFlagged: true,
      coverage: 1,
    });
  });

  describe('on a near copy (paragraphs and sentences reordered, a few words changed)', () => {
    const comparison = compareEssays(ESSAY_TAN_PHU, ESSAY_TAN_PHU_NEAR_COPY);

    it('flags it', () => {
      expect(comparison.score).toBeGreaterThan(0.85);
      expect(comparison.jaccard).toBeGreaterThan(0.75);
      expect(comparison.isFlagged).toBe(true);
    });

    it('gives the lecturer the copied passages in both originals', () => {
      const copied = comparison.passages.map(({ a, b }) => [
        ESSAY_TAN_PHU.slice(a.start, a.end),
        ESSAY_TAN_PHU_NEAR_COPY.slice(b.start, b.end),
      ]);
      const security =
        'Chi bộ ấp Cây Gáo thành lập tổ tự quản về an ninh trật tự, nhờ đó số vụ trộm cắp tài sản giảm';
      expect(copied).toContainEqual([security, security]);
      expect(comparison.coverage).toBeGreaterThan(0.9);
    });
  });

  it('flags the copy retyped without diacritics as much, and highlights its unaccented text', () => {
    const retyped = withoutDiacritics(ESSAY_TAN_PHU_NEAR_COPY);
    const comparison = compareEssays(ESSAY_TAN_PHU, retyped);
    const accented = compareEssays(ESSAY_TAN_PHU, ESSAY_TAN_PHU_NEAR_COPY);
    expect(comparison.isFlagged).toBe(true);
    expect(comparison.score).toBe(accented.score);
    expect(comparison.passages.map(({ b }) => retyped.slice(b.start, b.end))).toContain(
      'Chi bo ap Cay Gao thanh lap to tu quan ve an ninh trat tu, nho do so vu trom cap tai san giam',
    );
  });

  it('catches an essay pasted into a longer one by containment, where Jaccard stays low', () => {
    const comparison = compareEssays(ESSAY_PHU_HOI_WITH_LONG_THANH_PASTED, ESSAY_LONG_THANH);
    expect(comparison.jaccard).toBeLessThan(DEFAULT_THRESHOLD);
    expect(comparison.containment).toBe(1);
    expect(comparison.isFlagged).toBe(true);
    expect(comparison.passages).toHaveLength(1);
    expect(comparison.passages[0].wordCount).toBe(tokenize(ESSAY_LONG_THANH).length);
  });

  it.each(HONEST_PAIRS)('does not flag honest essays on the same topic (%s, %s)', (_a, _b, a, b) => {
    const comparison = compareEssays(a, b);
    expect(comparison.isComparable).toBe(true);
    expect(comparison.score).toBeLessThan(0.1);
    expect(comparison.isFlagged).toBe(false);
  });

  it('does not flag set phrases, though it shows them', () => {
    const comparison = compareEssays(ESSAY_HOA_BINH, ESSAY_PHU_HOI);
    const shared = comparison.passages.map(({ a }) => ESSAY_HOA_BINH.slice(a.start, a.end));
    expect(shared).toContain('Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh');
    expect(shared).toContain('học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');
    expect(comparison.isFlagged).toBe(false);
  });

  describe(`with an essay under ${MIN_COMPARABLE_WORDS} words`, () => {
    const pledge = 'Em xin cam đoan bài thu hoạch này do em tự viết, không sao chép của người khác.';

    it('does not flag two identical short texts', () => {
      expect(compareEssays(pledge, pledge)).toMatchObject({
        containment: 1,
        score: 0,
        isComparable: false,
        isFlagged: false,
      });
    });

    it('does not flag a short text found inside a long essay', () => {
      const comparison = compareEssays(`${ESSAY_LONG_THANH}\n\n${pledge}`, pledge);
      expect(comparison.containment).toBe(1);
      expect(comparison.isFlagged).toBe(false);
    });

    it(`compares from exactly ${MIN_COMPARABLE_WORDS} words`, () => {
      const atLimit = firstWords(ESSAY_LONG_THANH, MIN_COMPARABLE_WORDS);
      const belowLimit = firstWords(ESSAY_LONG_THANH, MIN_COMPARABLE_WORDS - 1);
      expect(compareEssays(atLimit, ESSAY_LONG_THANH)).toMatchObject({ score: 1, isFlagged: true });
      expect(compareEssays(belowLimit, ESSAY_LONG_THANH)).toMatchObject({ score: 0, isFlagged: false });
    });

    it('gives it no band key, so it is never a candidate', () => {
      expect(essayFingerprint(pledge).bandKeys).toEqual([]);
      expect(essayFingerprint(firstWords(ESSAY_LONG_THANH, MIN_COMPARABLE_WORDS - 1)).bandKeys).toEqual([]);
    });
  });

  it('compares NFD text as its NFC form', () => {
    const comparison = compareEssays(ESSAY_TAN_PHU.normalize('NFD'), ESSAY_TAN_PHU.normalize('NFC'));
    expect(comparison).toMatchObject({ jaccard: 1, score: 1, coverage: 1 });
  });

  it('flags from the threshold asked for', () => {
    const comparison = compareEssays(ESSAY_TAN_PHU, ESSAY_TAN_PHU_NEAR_COPY, { threshold: 0.95 });
    expect(comparison.score).toBeLessThan(0.95);
    expect(comparison.isFlagged).toBe(false);
  });
});

describe(essayFingerprint.name, () => {
  const fingerprint = essayFingerprint(ESSAY_TAN_PHU);

  it('is the same in every process and release (version 1)', () => {
    expect(fingerprint).toMatchObject({ version: SIGNATURE_VERSION, wordCount: 468, shingleCount: 464 });
    expect(fingerprint.signature).toHaveLength(128);
    expect(fingerprint.signature.slice(0, 4)).toEqual([3871522, 471103, 1006166, 10889199]);
    expect(fingerprint.bandKeys).toHaveLength(64);
    expect(fingerprint.bandKeys[0]).toBe('b0:56f46116');
  });

  it('is the same for NFD and NFC input', () => {
    expect(essayFingerprint(ESSAY_TAN_PHU.normalize('NFD'))).toEqual(fingerprint);
  });

  it('survives a round trip through JSON', () => {
    expect(JSON.parse(JSON.stringify(fingerprint))).toEqual(fingerprint);
  });

  it('makes near copies, retyped or not, and a pasted essay LSH candidates', () => {
    const nearCopy = essayFingerprint(ESSAY_TAN_PHU_NEAR_COPY);
    expect(sharedBandKeys(fingerprint, nearCopy).length).toBeGreaterThan(0);
    expect(essayFingerprint(withoutDiacritics(ESSAY_TAN_PHU_NEAR_COPY))).toEqual(nearCopy);
    const pasted = essayFingerprint(ESSAY_PHU_HOI_WITH_LONG_THANH_PASTED);
    expect(sharedBandKeys(pasted, essayFingerprint(ESSAY_LONG_THANH)).length).toBeGreaterThan(0);
  });

  it.each(HONEST_PAIRS)('does not make honest essays candidates (%s, %s)', (_a, _b, a, b) => {
    expect(sharedBandKeys(essayFingerprint(a), essayFingerprint(b))).toEqual([]);
  });
});

describe(estimatedScore.name, () => {
  const fingerprints = (a: string, b: string) => [essayFingerprint(a), essayFingerprint(b)] as const;

  it('lets near copies and a pasted essay through the screen', () => {
    expect(estimatedScore(...fingerprints(ESSAY_TAN_PHU, ESSAY_TAN_PHU_NEAR_COPY))).toBeGreaterThan(0.75);
    expect(
      estimatedScore(...fingerprints(ESSAY_PHU_HOI_WITH_LONG_THANH_PASTED, ESSAY_LONG_THANH)),
    ).toBeGreaterThan(0.75);
  });

  it.each(HONEST_PAIRS)('screens out honest essays (%s, %s)', (_a, _b, a, b) => {
    expect(estimatedScore(...fingerprints(a, b))).toBeLessThan(SCREENING_THRESHOLD);
  });

  it('is 0 with an essay too short to compare, as the exact score is', () => {
    const short = firstWords(ESSAY_LONG_THANH, MIN_COMPARABLE_WORDS - 1);
    expect(estimatedScore(...fingerprints(short, ESSAY_LONG_THANH))).toBe(0);
  });

  it('refuses fingerprints of different versions', () => {
    const [a, b] = fingerprints(ESSAY_TAN_PHU, ESSAY_TAN_PHU_NEAR_COPY);
    expect(() => estimatedScore(a, { ...b, version: SIGNATURE_VERSION + 1 })).toThrow(RangeError);
  });
});
