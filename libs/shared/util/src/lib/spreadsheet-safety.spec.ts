import { csvField, neutraliseCell, restoreNeutralisedCell, toCsv } from './spreadsheet-safety';

describe('neutraliseCell', () => {
  it.each(['=1+1', '+84912', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd'])('keeps %p as text', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
});

describe('restoreNeutralisedCell', () => {
  it.each(['=1+1', '+84912', '-2', '@SUM(A1)', '\t=cmd', 'Nguyễn Văn A', "'quoted"])(
    'gives back %p after neutraliseCell',
    (value) => {
      expect(restoreNeutralisedCell(neutraliseCell(value))).toBe(value);
    },
  );

  it('leaves an apostrophe before ordinary text alone', () => {
    expect(restoreNeutralisedCell("'tên")).toBe("'tên");
  });
});

describe('csvField', () => {
  it('quotes delimiters and doubles quotes', () => {
    expect(csvField('Xã "A", tỉnh B')).toBe('"Xã ""A"", tỉnh B"');
  });

  it('neutralises before quoting', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes numbers as they are and nothing for null', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['Dòng', 'Lỗi'],
        [2, '=x'],
      ]),
    ).toBe("\uFEFFDòng,Lỗi\r\n2,'=x\r\n");
  });
});
