import { NotificationKind } from '@thuchoc/notifications/contracts';

/** The kinds worth an e-mail besides the in-app notification (when SMTP is configured): the one list of them. */
export const EMAILED_KINDS = [NotificationKind.AbsenceNear, NotificationKind.AbsenceCrossed] as const;

export type EmailedKind = (typeof EMAILED_KINDS)[number];

export function isEmailedKind(kind: NotificationKind): kind is EmailedKind {
  return (EMAILED_KINDS as readonly NotificationKind[]).includes(kind);
}

interface EmailTexts {
  subject: string;
  title: string;
  body: string;
}

/**
 * Vietnamese, worded as the web's texts of the same kinds
 * (`notifications.kinds.*` in notifications.translations.ts), with the same
 * `{{param}}` placeholders.
 */
const TEXTS: Record<EmailedKind, EmailTexts> = {
  [NotificationKind.AbsenceNear]: {
    subject: 'Sắp vượt số buổi vắng cho phép – {{classTitle}}',
    title: 'Sắp vượt số buổi vắng cho phép',
    body: 'Học viên {{learnerName}} đã vắng {{absences}}/{{allowed}} buổi được phép của lớp “{{classTitle}}”; vắng thêm một buổi sẽ không đủ điều kiện hoàn thành.',
  },
  [NotificationKind.AbsenceCrossed]: {
    subject: 'Đã vượt số buổi vắng cho phép – {{classTitle}}',
    title: 'Đã vượt số buổi vắng cho phép',
    body: 'Học viên {{learnerName}} đã vắng {{absences}} buổi, vượt quá {{allowed}} buổi được phép của lớp “{{classTitle}}”, nên không đủ điều kiện hoàn thành lớp học.',
  },
};

const GREETING = 'Kính gửi {{recipientName}},';
const LINK = 'Xem chi tiết trên ThucHoc';
const FOOTER = 'Thư này được gửi tự động từ ThucHoc; vui lòng không trả lời.';

export interface NotificationEmail {
  subject: string;
  text: string;
  html: string;
}

export interface NotificationEmailInput {
  kind: EmailedKind;
  params: Record<string, string>;
  recipientName: string;
  /** Where users reach the product (`config.publicUrl`). */
  publicUrl: string;
}

/** The e-mail of one notification: plain text and simple HTML, in Vietnamese. */
export function renderNotificationEmail(input: NotificationEmailInput): NotificationEmail {
  const texts = TEXTS[input.kind];
  const values = { ...input.params, recipientName: input.recipientName };
  const link = `${input.publicUrl}/`;
  const plain = (template: string) => fill(template, values, (value) => value);
  const html = (template: string) => fill(escapeHtml(template), values, escapeHtml);
  // A header is one line, whatever a class title holds.
  const subject = plain(texts.subject).replace(/\s+/g, ' ').trim();
  return {
    subject,
    text: [plain(GREETING), '', plain(texts.body), '', `${LINK}: ${link}`, '', '—', FOOTER, ''].join('\n'),
    html: [
      '<!DOCTYPE html>',
      '<html lang="vi">',
      `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
      '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">',
      `<p>${html(GREETING)}</p>`,
      `<h1 style="margin:16px 0 8px;font-size:18px">${html(texts.title)}</h1>`,
      `<p>${html(texts.body)}</p>`,
      `<p><a href="${escapeHtml(link)}" style="color:#b71c1c">${LINK}</a></p>`,
      `<p style="margin-top:24px;font-size:13px;color:#616e7c">${FOOTER}</p>`,
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  };
}

function fill(template: string, values: Record<string, string>, encode: (value: string) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => encode(values[name] ?? ''));
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}
