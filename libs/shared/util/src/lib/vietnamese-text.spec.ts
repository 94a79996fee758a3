import { containsPattern, foldVietnamese } from './vietnamese-text';

describe(foldVietnamese.name, () => {
  it('removes tone marks and vowel diacritics', () => {
    expect(foldVietnamese('Nguyễn Thị Hằng')).toBe('nguyen thi hang');
  });

  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('Đồng Nai đẹp')).toBe('dong nai dep');
  });

  it('collapses white space and trims', () => {
    expect(foldVietnamese('  Phường   Bình\tPhước ')).toBe('phuong binh phuoc');
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Ph\u01b0\u1edbc')).toBe(
      foldVietnamese('Phu\u031b\u0301o\u031bc'.normalize('NFC')),
    );
  });
});

describe('containsPattern', () => {
  it('folds the query and takes LIKE wildcards in it literally', () => {
    expect(containsPattern('Đức 50%_a\\')).toBe('%duc 50\\%\\_a\\\\%');
  });
});
