import { highlightSegments, passageColour, passageRanges, scorePercent } from './highlight-segments';

const TEXT = 'Chi bộ ấp Bàu Sen vận động bà con hiến đất.';
const joined = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');

describe('highlightSegments', () => {
  it('gives the whole text as one plain segment without ranges', () => {
    expect(highlightSegments(TEXT, [])).toEqual([{ text: TEXT, start: 0, passages: [], opens: [] }]);
  });

  it('gives nothing for an empty text', () => {
    expect(highlightSegments('', [{ start: 0, end: 3, passage: 1 }])).toEqual([]);
  });

  it('cuts plain, highlighted and plain pieces around a range', () => {
    const segments = highlightSegments(TEXT, [{ start: 7, end: 17, passage: 1 }]);

    expect(segments).toEqual([
      { text: 'Chi bộ ', start: 0, passages: [], opens: [] },
      { text: 'ấp Bàu Sen', start: 7, passages: [1], opens: [1] },
      { text: ' vận động bà con hiến đất.', start: 17, passages: [], opens: [] },
    ]);
  });

  it('takes ranges in any order and names every passage of an overlap', () => {
    const segments = highlightSegments('abcdefghij', [
      { start: 5, end: 9, passage: 2 },
      { start: 1, end: 6, passage: 1 },
    ]);

    expect(segments.map(({ text, passages, opens }) => ({ text, passages, opens }))).toEqual([
      { text: 'a', passages: [], opens: [] },
      { text: 'bcde', passages: [1], opens: [1] },
      { text: 'f', passages: [1, 2], opens: [2] },
      { text: 'ghi', passages: [2], opens: [] },
      { text: 'j', passages: [], opens: [] },
    ]);
  });

  it('joins back to the text whatever the ranges, clamping those past either end and dropping empty ones', () => {
    const ranges = [
      { start: -4, end: 3, passage: 1 },
      { start: 40, end: 400, passage: 2 },
      { start: 10, end: 10, passage: 3 },
      { start: 12, end: 8, passage: 4 },
    ];
    const segments = highlightSegments(TEXT, ranges);

    expect(joined(segments)).toBe(TEXT);
    expect(segments[0]).toEqual({ text: 'Chi', start: 0, passages: [1], opens: [1] });
    expect(segments[segments.length - 1].passages).toEqual([2]);
    expect(segments.flatMap((segment) => segment.passages)).not.toContain(3);
    expect(segments.flatMap((segment) => segment.passages)).not.toContain(4);
  });

  it('keeps neighbouring pieces of one passage together', () => {
    const segments = highlightSegments('abcdef', [
      { start: 0, end: 3, passage: 1 },
      { start: 3, end: 6, passage: 1 },
    ]);

    expect(segments).toEqual([{ text: 'abcdef', start: 0, passages: [1], opens: [1] }]);
  });

  it('counts UTF-16 offsets as the API does, line breaks included', () => {
    const text = 'Đoạn một.\n\nĐoạn hai.';
    const start = text.indexOf('Đoạn hai');
    const segments = highlightSegments(text, [{ start, end: text.length, passage: 1 }]);

    expect(segments[1]).toEqual({ text: 'Đoạn hai.', start, passages: [1], opens: [1] });
    expect(segments[0].text).toBe('Đoạn một.\n\n');
  });
});

describe('passageRanges', () => {
  it('numbers passages from 1 in the API order, the same numbers on both sides', () => {
    const passages = [
      { a: { start: 0, end: 5 }, b: { start: 10, end: 15 }, wordCount: 5 },
      { a: { start: 20, end: 30 }, b: { start: 2, end: 9 }, wordCount: 6 },
    ];

    expect(passageRanges(passages, 'a')).toEqual([
      { start: 0, end: 5, passage: 1 },
      { start: 20, end: 30, passage: 2 },
    ]);
    expect(passageRanges(passages, 'b')).toEqual([
      { start: 10, end: 15, passage: 1 },
      { start: 2, end: 9, passage: 2 },
    ]);
  });
});

describe('passageColour', () => {
  it('cycles through the colours', () => {
    expect([1, 2, 6, 7].map(passageColour)).toEqual([0, 1, 5, 0]);
  });
});

describe('scorePercent', () => {
  it('rounds to a whole percentage but keeps 100 % for identical essays only', () => {
    expect(scorePercent(0.6234)).toBe(62);
    expect(scorePercent(0.996)).toBe(99);
    expect(scorePercent(1)).toBe(100);
    expect(scorePercent(0)).toBe(0);
  });
});
