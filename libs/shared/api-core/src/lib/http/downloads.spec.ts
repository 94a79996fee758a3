import { attachmentDisposition } from './downloads';

describe(attachmentDisposition.name, () => {
  it('carries the UTF-8 name and an ASCII fallback', () => {
    expect(attachmentDisposition("Đề cương (bản 2) 'mới'.pdf")).toBe(
      `attachment; filename="de cuong (ban 2) 'moi'.pdf"; ` +
        `filename*=UTF-8''%C4%90%E1%BB%81%20c%C6%B0%C6%A1ng%20%28b%E1%BA%A3n%202%29%20%27m%E1%BB%9Bi%27.pdf`,
    );
  });

  it('cannot be broken out of by quotes or separators in the name', () => {
    const header = attachmentDisposition('a"; filename="evil.html.pdf');
    expect(header).toBe(
      `attachment; filename="a_; filename=_evil.html.pdf"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html.pdf`,
    );
  });
});
