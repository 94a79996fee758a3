import { overlappingPassages, Passage } from './passages';
import { tokenize } from './text-tokens';
import {
  ESSAY_HOA_BINH,
  ESSAY_LONG_THANH,
  ESSAY_TAN_PHU,
  ESSAY_TAN_PHU_NEAR_COPY,
} from './testing/sample-essays';

const slices = (text: string, passages: Passage[], side: 'a' | 'b') =>
  passages.map((passage) => text.slice(passage[side].start, passage[side].end));

const words = (text: string) => tokenize(text).map((token) => token.word);

describe(overlappingPassages.name, () => {
  it('finds a copied sentence and its spans in both original texts, whatever the case, accents and punctuation', () => {
    const a = 'Mở đầu. Bộ phận một cửa niêm yết công khai thời gian giải quyết từng loại hồ sơ. Hết.';
    const b = 'bo phan mot cua - niem yet cong khai thoi gian giai quyet tung loai ho so!';
    const { passages, coverage } = overlappingPassages(a, b);
    expect(passages).toEqual([{ a: { start: 8, end: 79 }, b: { start: 0, end: 73 }, wordCount: 16 }]);
    expect(slices(a, passages, 'a')).toEqual([
      'Bộ phận một cửa niêm yết công khai thời gian giải quyết từng loại hồ sơ',
    ]);
    expect(slices(b, passages, 'b')).toEqual([
      'bo phan mot cua - niem yet cong khai thoi gian giai quyet tung loai ho so',
    ]);
    expect(coverage).toBe(16 / 19);
  });

  it('reports a common run only from minWords words', () => {
    const a = 'Theo em, cán bộ là công bộc của dân, như lời Bác dạy.';
    const b = 'Bác dạy rằng cán bộ là công bộc của dân.';
    expect(overlappingPassages(a, b).passages).toEqual([]);
    const { passages } = overlappingPassages(a, b, { minWords: 5 });
    expect(slices(a, passages, 'a')).toEqual(['cán bộ là công bộc của dân']);
    expect(slices(b, passages, 'b')).toEqual(['cán bộ là công bộc của dân']);
  });

  it('covers an essay compared with itself by one passage', () => {
    const { passages, coverage } = overlappingPassages(ESSAY_TAN_PHU, ESSAY_TAN_PHU);
    const lastWord = tokenize(ESSAY_TAN_PHU).at(-1);
    expect(passages).toEqual([
      { a: { start: 0, end: lastWord?.end }, b: { start: 0, end: lastWord?.end }, wordCount: 468 },
    ]);
    expect(coverage).toBe(1);
  });

  it('finds nothing between essays that share no eight-word run', () => {
    expect(overlappingPassages(ESSAY_TAN_PHU, ESSAY_LONG_THANH)).toEqual({ passages: [], coverage: 0 });
    expect(overlappingPassages('', ESSAY_TAN_PHU)).toEqual({ passages: [], coverage: 0 });
  });

  describe('on a near copy (sentences reordered, a few words changed)', () => {
    const { passages, coverage } = overlappingPassages(ESSAY_TAN_PHU, ESSAY_TAN_PHU_NEAR_COPY);

    it('highlights the moved paragraph in both essays', () => {
      const reform =
        'Thứ hai, xã chú trọng cải cách thủ tục hành chính theo tinh thần Bác dạy cán bộ phải là công bộc của dân. Bộ phận một cửa niêm yết công khai thời gian giải quyết từng loại hồ sơ, lập hộp thư góp ý và đường dây nóng của Chủ tịch Ủy ban nhân dân xã. Cán bộ tư pháp, địa chính luân phiên trực vào sáng thứ bảy để người dân đi làm công nhân ở khu công nghiệp có thể nộp hồ sơ ngoài giờ hành chính';
      const passage = passages.find((candidate) => ESSAY_TAN_PHU.startsWith('Thứ hai', candidate.a.start));
      expect(passage).toBeDefined();
      expect(passage && ESSAY_TAN_PHU.slice(passage.a.start, passage.a.end)).toBe(reform);
      expect(passage && ESSAY_TAN_PHU_NEAR_COPY.slice(passage.b.start, passage.b.end)).toBe(reform);
      // In the copy the paragraph comes after the one that follows it in the original.
      expect(passage?.b.start).toBeGreaterThan(ESSAY_TAN_PHU_NEAR_COPY.indexOf('Thứ ba'));
    });

    it('breaks the passages at each changed word', () => {
      const copied = slices(ESSAY_TAN_PHU_NEAR_COPY, passages, 'b');
      expect(copied).toContain('cây số đã được bê tông hóa mà không phải bồi thường');
      expect(copied).toContain(
        'Chi bộ ấp Cây Gáo thành lập tổ tự quản về an ninh trật tự, nhờ đó số vụ trộm cắp tài sản giảm',
      );
      const edits = ['Tân Lập', 'ba cây số', 'giảm hẳn', 'năng suất thấp', 'Theo em', 'Bản thân em'];
      for (const edited of edits) expect(copied.filter((text) => text.includes(edited))).toEqual([]);
    });

    it('reports runs of at least eight words that are the same words on both sides', () => {
      expect(passages.length).toBeGreaterThan(5);
      const a = slices(ESSAY_TAN_PHU, passages, 'a');
      const b = slices(ESSAY_TAN_PHU_NEAR_COPY, passages, 'b');
      passages.forEach((passage, i) => {
        expect(passage.wordCount).toBeGreaterThanOrEqual(8);
        expect(words(a[i])).toHaveLength(passage.wordCount);
        expect(words(a[i])).toEqual(words(b[i]));
      });
    });

    it('sorts the passages by position in A, without overlap', () => {
      passages.slice(1).forEach((passage, i) => expect(passage.a.start).toBeGreaterThan(passages[i].a.end));
    });

    it('measures the share of A inside passages', () => {
      const inPassages = passages.reduce((sum, passage) => sum + passage.wordCount, 0);
      expect(coverage).toBe(inPassages / 468);
      expect(coverage).toBeGreaterThan(0.9);
    });
  });

  it('reports the set phrases honest essays share, and only them', () => {
    const { passages, coverage } = overlappingPassages(ESSAY_HOA_BINH, ESSAY_TAN_PHU);
    expect(slices(ESSAY_HOA_BINH, passages, 'a')).toEqual([
      'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      'thường xuyên của mỗi cán bộ, đảng viên',
      'Chỉ thị số 05-CT/TW của Bộ Chính trị',
    ]);
    expect(coverage).toBeLessThan(0.1);
  });

  it('aligns a passage with the longest matching place in B', () => {
    const slogan = 'nói đi đôi với làm, lắng nghe dân, gần dân';
    const b = `${slogan}. Một câu khác hẳn. ${slogan}, giải quyết công việc đúng hẹn.`;
    const { passages } = overlappingPassages(`${slogan}, giải quyết công việc đúng hẹn`, b);
    expect(passages).toHaveLength(1);
    expect(slices(b, passages, 'b')).toEqual([`${slogan}, giải quyết công việc đúng hẹn`]);
  });

  it('keeps spans in the decomposed original when a text is NFD', () => {
    const a = ESSAY_TAN_PHU.normalize('NFD');
    const { passages } = overlappingPassages(a, ESSAY_TAN_PHU_NEAR_COPY);
    expect(slices(a, passages, 'a').map((text) => text.normalize('NFC'))).toEqual(
      slices(ESSAY_TAN_PHU, overlappingPassages(ESSAY_TAN_PHU, ESSAY_TAN_PHU_NEAR_COPY).passages, 'a'),
    );
  });

  it('matches a text repeating one phrase thousands of times as one passage', () => {
    const repetitive = 'cần kiệm liêm chính chí công vô tư '.repeat(625);
    const { passages, coverage } = overlappingPassages(repetitive, repetitive);
    expect(passages).toHaveLength(1);
    expect(passages[0].wordCount).toBe(5000);
    expect(coverage).toBe(1);
  });

  it('refuses minWords below 1', () => {
    expect(() => overlappingPassages('a', 'a', { minWords: 0 })).toThrow(RangeError);
  });
});
