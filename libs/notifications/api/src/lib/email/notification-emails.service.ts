import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { EmailedKind, renderNotificationEmail } from './notification-email';

interface ClaimedNotification {
  id: string;
  kind: EmailedKind;
  params: Record<string, string>;
  email: string;
  full_name: string;
}

/** Longest a single send may take; the claim outlives it, so only a dead job's claim ever lapses. */
const SEND_TIMEOUT_MS = 30_000;
const CLAIM_SECONDS = (2 * SEND_TIMEOUT_MS) / 1000;

/**
 * Sends each notification's e-mail once. A notification is claimed (a lease)
 * before its e-mail goes out and marked `emailed_at` once the SMTP server
 * accepted it. A failed send gives the claim back and fails the job, so the
 * queue retries it; a job that died mid-send leaves a claim that lapses, and
 * its retry sends then.
 */
@Injectable()
export class NotificationEmailsService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationEmailsService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
  ) {}

  /** E-mails each of these notifications not e-mailed yet; throws if any could not be sent (after trying all). */
  async send(notificationIds: readonly string[]): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set in this process: cannot e-mail notifications');
    const failures: unknown[] = [];
    for (const id of notificationIds) {
      await this.sendOne(this.transport, id).catch((error: unknown) => failures.push(error));
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1)
      throw new Error(`${failures.length} e-mails not sent: ${failures.map(String).join('; ')}`);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private async sendOne(transport: MailTransport, id: string): Promise<void> {
    const notification = await this.claim(id);
    if (!notification) {
      if (await this.isClaimedElsewhere(id))
        throw new Error(`the e-mail of notification ${id} is being sent by another job`);
      // Already e-mailed, or its reader has no e-mail address (any more).
      return;
    }
    const email = renderNotificationEmail({
      kind: notification.kind,
      params: notification.params,
      recipientName: notification.full_name,
      publicUrl: this.config.publicUrl,
    });
    try {
      await transport.sendMail({
        from: this.config.mailFrom,
        to: { name: notification.full_name, address: notification.email },
        subject: email.subject,
        text: email.text,
        html: email.html,
        // Vietnamese is mostly non-ASCII: base64 is the smaller encoding, and a predictable one.
        textEncoding: 'base64',
        // RFC 3834: no vacation auto-replies to a machine.
        headers: { 'Auto-Submitted': 'auto-generated' },
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (error) {
      await this.release(id);
      throw error;
    }
    await this.dataSource.query(
      'UPDATE notifications SET emailed_at = now(), email_claimed_until = NULL WHERE id = $1',
      [id],
    );
    this.logger.log(`notification ${id} e-mailed`);
  }

  private async claim(id: string): Promise<ClaimedNotification | null> {
    const rows: ClaimedNotification[] = await this.dataSource.query(
      // A CTE so the driver answers with plain rows (a bare UPDATE answers [rows, count]).
      `WITH claimed AS (
         UPDATE notifications n SET email_claimed_until = now() + make_interval(secs => $2)
           FROM users u
          WHERE n.id = $1 AND u.id = n.user_id AND n.emailed_at IS NULL
            AND (n.email_claimed_until IS NULL OR n.email_claimed_until < now())
            AND u.email IS NOT NULL AND u.is_active
          RETURNING n.id, n.kind, n.params, u.email, u.full_name)
       SELECT * FROM claimed`,
      [id, CLAIM_SECONDS],
    );
    return rows[0] ?? null;
  }

  private async isClaimedElsewhere(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM notifications WHERE id = $1 AND emailed_at IS NULL AND email_claimed_until >= now()',
      [id],
    );
    return rows.length > 0;
  }

  private async release(id: string): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET email_claimed_until = NULL WHERE id = $1', [id]);
  }
}
