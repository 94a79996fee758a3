import { HttpHeaders, HttpResponse } from '@angular/common/http';
import { downloadFileName, saveBlob } from './download-file';

function makeResponse(disposition: string | null): HttpResponse<Blob> {
  const headers =
    disposition === null ? new HttpHeaders() : new HttpHeaders({ 'Content-Disposition': disposition });
  return new HttpResponse({ body: new Blob(['x']), headers });
}

describe('downloadFileName', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(
      downloadFileName(
        makeResponse(`attachment; filename="bao-cao.csv"; filename*=UTF-8''b%C3%A1o-c%C3%A1o.csv`),
        'x.csv',
      ),
    ).toBe('báo-cáo.csv');
    expect(downloadFileName(makeResponse('attachment; filename="phieu.xlsx"'), 'x.xlsx')).toBe('phieu.xlsx');
    expect(downloadFileName(makeResponse(null), 'x.xlsx')).toBe('x.xlsx');
  });

  it('falls back to the plain name when the encoded one is malformed', () => {
    expect(
      downloadFileName(
        makeResponse(`attachment; filename="don.pdf"; filename*=UTF-8''%E0%A4%A.pdf`),
        'x.pdf',
      ),
    ).toBe('don.pdf');
  });
});

describe('saveBlob', () => {
  it('clicks a temporary download link and forgets it', () => {
    const createObjectURL = jest.fn(() => 'blob:file');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    jest.useFakeTimers();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    saveBlob(document, new Blob(['x']), 'phieu.xlsx');
    jest.runAllTimers();

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('phieu.xlsx');
    expect(clicked[0].isConnected).toBe(false);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:file');
    jest.useRealTimers();
  });
});
