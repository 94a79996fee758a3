import { sanitizeLessonBody } from './lesson-body';

describe(sanitizeLessonBody.name, () => {
  it('keeps formatting, lists, headings, quotes and safe links', () => {
    const html =
      '<h3>Bài 1</h3><p><strong>Đảng</strong> <em>lãnh đạo</em> <u>toàn diện</u> <s>cũ</s><br></p>' +
      '<ul><li>một</li></ul><ol><li>hai</li></ol><h4>Ghi chú</h4><blockquote>Trích dẫn</blockquote>' +
      '<p><a href="https://dangcongsan.vn/">Báo Điện tử</a> <a href="mailto:btg@dongnai.gov.vn">thư</a></p>';
    expect(sanitizeLessonBody(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('drops scripts and styles with their content, and every event handler', () => {
    expect(
      sanitizeLessonBody(
        '<p onclick="steal()" style="color:red">Nội dung</p><script>alert(1)</script><style>p{}</style>' +
          '<img src=x onerror="alert(1)"><svg onload="alert(1)"></svg>',
      ),
    ).toBe('<p>Nội dung</p>');
  });

  it('keeps the text of tags it does not allow', () => {
    expect(sanitizeLessonBody('<h1>Tiêu đề</h1><div><span class="x">chữ</span></div>')).toBe('Tiêu đềchữ');
  });

  it('strips links that are not http, https or mailto, however they are spelled', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav&#x61;script:alert(1)',
      ' javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      '//evil.example/',
      '/api/v1/me',
      'ftp://files.example/',
    ]) {
      expect(sanitizeLessonBody(`<a href="${href}" target="_blank">x</a>`)).toBe('<a>x</a>');
    }
  });

  it('escapes text so it cannot open a tag', () => {
    expect(sanitizeLessonBody('<p>1 &lt; 2 &amp;&amp; a<b</p>')).toBe('<p>1 &lt; 2 &amp;&amp; a</p>');
  });
});
