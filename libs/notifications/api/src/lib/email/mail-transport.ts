import { AppConfig } from '@thuchoc/shared/api-core';
import { createTransport, SendMailOptions } from 'nodemailer';

/** Injection token of the SMTP transport; null when SMTP_URL is not set. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** What the e-mail jobs need of a nodemailer transport. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close(): void;
}

/** Bounds every step of a conversation with the SMTP server, so a stuck server fails the job instead of holding it. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function createMailTransport(config: AppConfig): MailTransport | null {
  // Options given in the URL's query (e.g. `?pool=true`) win over these.
  return config.smtpUrl ? createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS }) : null;
}
