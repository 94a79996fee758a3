import { NotificationKind } from '@thuchoc/notifications/contracts';
import { EMAILED_KINDS, isEmailedKind, renderNotificationEmail } from './notification-email';

describe(renderNotificationEmail.name, () => {
  const params = {
    classTitle: 'Lớp đảng viên mới – đợt 1',
    learnerName: 'Nguyễn Thị Hồng',
    absences: '1',
    allowed: '1',
  };
  const render = (kind = NotificationKind.AbsenceNear, overrides: Record<string, string> = {}) =>
    renderNotificationEmail({
      kind: kind as (typeof EMAILED_KINDS)[number],
      params: { ...params, ...overrides },
      recipientName: 'Trần Văn Bình',
      publicUrl: 'https://thuchoc.example.vn',
    });

  it('words a near warning as the web does, in Vietnamese, with a link to the product', () => {
    const email = render();
    expect(email.subject).toBe('Sắp vượt số buổi vắng cho phép – Lớp đảng viên mới – đợt 1');
    expect(email.text).toBe(
      [
        'Kính gửi Trần Văn Bình,',
        '',
        'Học viên Nguyễn Thị Hồng đã vắng 1/1 buổi được phép của lớp “Lớp đảng viên mới – đợt 1”; vắng thêm một buổi sẽ không đủ điều kiện hoàn thành.',
        '',
        'Xem chi tiết trên ThucHoc: https://thuchoc.example.vn/',
        '',
        '—',
        'Thư này được gửi tự động từ ThucHoc; vui lòng không trả lời.',
        '',
      ].join('\n'),
    );
    expect(email.html).toContain('<html lang="vi">');
    expect(email.html).toContain('<meta charset="utf-8">');
    expect(email.html).toContain(
      '<h1 style="margin:16px 0 8px;font-size:18px">Sắp vượt số buổi vắng cho phép</h1>',
    );
    expect(email.html).toContain('<a href="https://thuchoc.example.vn/"');
  });

  it('words a crossed warning as the web does', () => {
    const email = render(NotificationKind.AbsenceCrossed, { absences: '2' });
    expect(email.subject).toBe('Đã vượt số buổi vắng cho phép – Lớp đảng viên mới – đợt 1');
    expect(email.text).toContain(
      'Học viên Nguyễn Thị Hồng đã vắng 2 buổi, vượt quá 1 buổi được phép của lớp “Lớp đảng viên mới – đợt 1”, nên không đủ điều kiện hoàn thành lớp học.',
    );
  });

  it('escapes the parameters in the HTML, and only there', () => {
    const email = render(NotificationKind.AbsenceNear, {
      learnerName: '<img src=x onerror="alert(1)">',
      classTitle: 'Lý luận & "thực tiễn" <b>',
    });
    expect(email.html).toContain('Học viên &lt;img src=x onerror=&quot;alert(1)&quot;&gt; đã vắng');
    expect(email.html).toContain('lớp “Lý luận &amp; &quot;thực tiễn&quot; &lt;b&gt;”');
    expect(email.html).toContain(
      '<title>Sắp vượt số buổi vắng cho phép – Lý luận &amp; &quot;thực tiễn&quot; &lt;b&gt;</title>',
    );
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>');
    expect(email.text).toContain('Học viên <img src=x onerror="alert(1)"> đã vắng');
    expect(email.subject).toBe('Sắp vượt số buổi vắng cho phép – Lý luận & "thực tiễn" <b>');
  });

  it('keeps the subject on one line whatever the class title holds', () => {
    expect(render(NotificationKind.AbsenceNear, { classTitle: 'Lớp A\r\nBcc: x@y.vn' }).subject).toBe(
      'Sắp vượt số buổi vắng cho phép – Lớp A Bcc: x@y.vn',
    );
  });
});

describe(isEmailedKind.name, () => {
  it('e-mails the absence warnings only', () => {
    expect(Object.values(NotificationKind).filter(isEmailedKind)).toEqual([
      NotificationKind.AbsenceNear,
      NotificationKind.AbsenceCrossed,
    ]);
  });
});
