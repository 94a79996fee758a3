import { tokenize } from './text-tokens';

const words = (text: string) => tokenize(text).map((token) => token.word);

describe(tokenize.name, () => {
  it('lower-cases and removes every diacritic, đ and Đ included', () => {
    expect(words('Đảng ủy xã Tân Phú ĐOÀN KẾT, Ưu tiên ƯỚC MƠ')).toEqual([
      'dang',
      'uy',
      'xa',
      'tan',
      'phu',
      'doan',
      'ket',
      'uu',
      'tien',
      'uoc',
      'mo',
    ]);
  });

  it('gives an essay retyped without accents the same words', () => {
    expect(words('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh')).toEqual(
      words('Hoc tap va lam theo tu tuong, dao duc, phong cach Ho Chi Minh'),
    );
  });

  it('gives decomposed (NFD) input the words of precomposed (NFC) input', () => {
    const nfc = 'Nghị quyết Trung ương về xây dựng, chỉnh đốn Đảng';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(words(nfd)).toEqual(words(nfc));
  });

  it('treats the old and the new tone placement alike', () => {
    expect(words('hoà thuận, khoẻ mạnh, thuỷ lợi')).toEqual(words('hòa thuận, khỏe mạnh, thủy lợi'));
  });

  it('separates words at punctuation, white space and digits, and drops the digits', () => {
    expect(words('Chỉ thị số 05-CT/TW (năm 2016): "Mác - Lênin"…\n2.Kết quả')).toEqual([
      'chi',
      'thi',
      'so',
      'ct',
      'tw',
      'nam',
      'mac',
      'lenin',
      'ket',
      'qua',
    ]);
  });

  it('keeps each word’s span in the original text', () => {
    const text = '  Thứ hai, xã chú trọng…';
    expect(tokenize(text)).toEqual([
      { word: 'thu', start: 2, end: 5 },
      { word: 'hai', start: 6, end: 9 },
      { word: 'xa', start: 11, end: 13 },
      { word: 'chu', start: 14, end: 17 },
      { word: 'trong', start: 18, end: 23 },
    ]);
    expect(tokenize(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'Thứ',
      'hai',
      'xã',
      'chú',
      'trọng',
    ]);
  });

  it('gives spans in the decomposed original when the input is NFD', () => {
    const text = 'Bác Hồ kính yêu'.normalize('NFD');
    const slices = tokenize(text).map(({ start, end }) => text.slice(start, end));
    expect(slices).toEqual(['Bác', 'Hồ', 'kính', 'yêu'].map((word) => word.normalize('NFD')));
  });

  it('does not let an invisible character inside a word split it', () => {
    const text = 'chín\u00adh sá\u200bch';
    expect(tokenize(text)).toEqual([
      { word: 'chinh', start: 0, end: 6 },
      { word: 'sach', start: 7, end: 12 },
    ]);
  });

  it('finds no words in a text without letters', () => {
    expect(tokenize('2016 – 2021: 100 % \u200b !!!')).toEqual([]);
  });
});
