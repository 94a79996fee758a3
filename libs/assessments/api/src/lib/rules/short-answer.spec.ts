import { isShortAnswerAccepted, normaliseAnswer } from './short-answer';

const strict = (...acceptedAnswers: string[]) => ({ acceptedAnswers, acceptWithoutDiacritics: false });
const lenient = (...acceptedAnswers: string[]) => ({ acceptedAnswers, acceptWithoutDiacritics: true });

describe(normaliseAnswer.name, () => {
  it('lower-cases Vietnamese, Đ included, and collapses and trims white space', () => {
    expect(normaliseAnswer('  ĐẢNG   Cộng\tsản\n Việt Nam ')).toBe('đảng cộng sản việt nam');
  });

  it('makes decomposed (NFD) input equal to precomposed (NFC) input', () => {
    const decomposed = 'Đảng'.normalize('NFD');
    expect(decomposed).not.toBe('Đảng');
    expect(normaliseAnswer(decomposed)).toBe(normaliseAnswer('Đảng'));
    expect(normaliseAnswer(decomposed)).toBe('đảng'.normalize('NFC'));
  });

  it('treats the old and the new tone placement as one spelling', () => {
    expect(normaliseAnswer('hòa bình')).toBe(normaliseAnswer('hoà bình'));
    expect(normaliseAnswer('Sức khỏe')).toBe(normaliseAnswer('sức khoẻ'));
    expect(normaliseAnswer('Ủy ban')).toBe(normaliseAnswer('uỷ ban'));
    expect(normaliseAnswer('thủy lợi')).toBe(normaliseAnswer('thuỷ lợi'));
  });

  it('keeps every diacritic and punctuation mark', () => {
    expect(normaliseAnswer('bác')).not.toBe(normaliseAnswer('bạc'));
    expect(normaliseAnswer('Hà Nội.')).toBe('hà nội.');
  });
});

describe(isShortAnswerAccepted.name, () => {
  it('accepts any accepted answer whatever its case, spacing and Unicode form', () => {
    const key = strict('Hồ Chí Minh', 'Nguyễn Ái Quốc');
    expect(isShortAnswerAccepted('hồ chí minh', key)).toBe(true);
    expect(isShortAnswerAccepted('  HỒ   CHÍ MINH ', key)).toBe(true);
    expect(isShortAnswerAccepted('Nguyễn Ái Quốc'.normalize('NFD'), key)).toBe(true);
    expect(isShortAnswerAccepted('Nguyễn Tất Thành', key)).toBe(false);
  });

  it('by default treats diacritics as significant: a different tone mark is a different word', () => {
    expect(isShortAnswerAccepted('bạc', strict('bác'))).toBe(false);
    expect(isShortAnswerAccepted('bac', strict('bác'))).toBe(false);
    expect(isShortAnswerAccepted('Dang', strict('Đảng'))).toBe(false);
    expect(isShortAnswerAccepted('Đang', strict('Đảng'))).toBe(false);
    expect(isShortAnswerAccepted('Đảng', strict('Đảng'))).toBe(true);
  });

  it('tells Đ from D by default, in either case', () => {
    expect(isShortAnswerAccepted('đồng nai', strict('Đồng Nai'))).toBe(true);
    expect(isShortAnswerAccepted('ĐỒNG NAI', strict('đồng nai'))).toBe(true);
    expect(isShortAnswerAccepted('Dồng Nai', strict('Đồng Nai'))).toBe(false);
  });

  it('with acceptWithoutDiacritics also accepts the answer typed with no diacritics at all, đ as d', () => {
    const key = lenient('Đảng Cộng sản Việt Nam');
    expect(isShortAnswerAccepted('dang cong san viet nam', key)).toBe(true);
    expect(isShortAnswerAccepted('DANG CONG SAN VIET NAM', key)).toBe(true);
    expect(isShortAnswerAccepted('Đảng Cộng sản Việt Nam', key)).toBe(true);
    expect(isShortAnswerAccepted('Dang Cong San Viet Nam'.normalize('NFD'), key)).toBe(true);
  });

  it('with acceptWithoutDiacritics still refuses wrong diacritics and a half-marked answer', () => {
    expect(isShortAnswerAccepted('bạc', lenient('bác'))).toBe(false);
    expect(isShortAnswerAccepted('bac', lenient('bác'))).toBe(true);
    expect(isShortAnswerAccepted('Đang', lenient('Đảng'))).toBe(false);
    expect(isShortAnswerAccepted('Dảng', lenient('Đảng'))).toBe(false);
    expect(isShortAnswerAccepted('dang cộng sản', lenient('Đảng Cộng sản'))).toBe(false);
  });

  it('accepts either tone placement of the accepted answer', () => {
    expect(isShortAnswerAccepted('hoà bình', strict('Hòa bình'))).toBe(true);
    expect(isShortAnswerAccepted('hoa binh', lenient('Hòa bình'))).toBe(true);
  });

  it('never accepts an empty or blank answer', () => {
    expect(isShortAnswerAccepted('', strict('a'))).toBe(false);
    expect(isShortAnswerAccepted('   ', lenient('a'))).toBe(false);
  });
});
