import { AbsenceWarningsService } from '@thuchoc/attendance/api';
import { ClassSessionResponse } from '@thuchoc/classes/contracts';
import { NotificationEmailsService, NotificationsService } from '@thuchoc/notifications/api';
import {
  EmailRequestedPayload,
  NOTIFICATIONS_QUEUE,
  NotificationKind,
  NotificationsEventType,
} from '@thuchoc/notifications/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  AttendanceLearner,
  AttendanceWorld,
  makeAttendanceWorld,
  makeSession,
} from './support/attendance-world';
import { startTestApp, TestApp, waitFor } from './support/test-app';

const DAY_MINUTES = 24 * 60;
const CLASS_TITLE = 'Lớp đảng viên mới – đợt 1';

interface ReceivedMail {
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

interface Smtp {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** An SMTP server in this process that accepts everything, without TLS or authentication. */
async function startSmtp(port = 0): Promise<Smtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (yet): connecting to it is refused. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

/** Just enough MIME for what nodemailer writes: unfolded headers, RFC 2047 words, one multipart/alternative. */
function parseMail(raw: string): ParsedMail {
  const split = (entity: string) => {
    const end = entity.indexOf('\r\n\r\n');
    const headers = new Map<string, string>();
    for (const line of entity
      .slice(0, end)
      .replace(/\r\n[ \t]+/g, ' ')
      .split('\r\n')) {
      const colon = line.indexOf(':');
      headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
    }
    return { headers, body: entity.slice(end + 4) };
  };
  const decodeBody = (headers: Map<string, string>, body: string) => {
    const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
    if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
    if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
    return body;
  };
  const top = split(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers.get('content-type') ?? '')?.[1];
  const parts = (boundary ? top.body.split(`--${boundary}`).slice(1, -1) : []).map((part) =>
    split(part.replace(/^\r\n/, '')),
  );
  const partOf = (type: string) => {
    const part = parts.find((p) => p.headers.get('content-type')?.startsWith(type));
    expect(part?.headers.get('content-type')).toContain('charset=utf-8');
    return part ? decodeBody(part.headers, part.body) : '';
  };
  return {
    headers: top.headers,
    subject: decodeWords(top.headers.get('subject') ?? ''),
    text: partOf('text/plain'),
    html: partOf('text/html'),
  };
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(value[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words, joined as bytes so a character split across two words survives. */
function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  const pieces: Buffer[] = [];
  let last = 0;
  for (const match of joined.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)) {
    pieces.push(Buffer.from(joined.slice(last, match.index), 'utf8'));
    pieces.push(
      match[1].toLowerCase() === 'b'
        ? Buffer.from(match[2], 'base64')
        : Buffer.from(decodeQuotedPrintable(match[2].replace(/_/g, ' ')), 'utf8'),
    );
    last = (match.index ?? 0) + match[0].length;
  }
  pieces.push(Buffer.from(joined.slice(last), 'utf8'));
  return Buffer.concat(pieces).toString('utf8');
}

/** A class of five sessions (one absence allowed at the default 80 %), with `absences[i]` finalised absences for learner i. */
async function classWithAbsences(t: TestApp, absences: number[]): Promise<AttendanceWorld> {
  const w = await makeAttendanceWorld(t, absences.length);
  const sessions: ClassSessionResponse[] = [];
  for (let day = 5; day >= 1; day--)
    sessions.push(await makeSession(t, w, { startsInMinutes: -day * DAY_MINUTES, minutes: 120 }));
  for (const [i, count] of absences.entries())
    for (const session of sessions.slice(0, count))
      await t.db.query(
        `INSERT INTO attendance_records (session_id, user_id, class_id, status, finalised_at)
         VALUES ($1, $2, $3, 'absent', now())`,
        [session.id, w.learners[i].id, w.klass.id],
      );
  return w;
}

const setEmail = (t: TestApp, userId: string, email: string) =>
  t.db.query('UPDATE users SET email = $2 WHERE id = $1', [userId, email]);

const sendDue = (t: TestApp, w: AttendanceWorld, learners: AttendanceLearner[]) =>
  t.app.get(AbsenceWarningsService).sendDue(
    randomUUID(),
    w.klass.id,
    learners.map((learner) => learner.id),
  );

interface WarningRow {
  id: string;
  user_id: string;
  event_id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  is_emailed: boolean;
  is_claimed: boolean;
}

const warningsOf = (t: TestApp, userIds: string[]): Promise<WarningRow[]> =>
  t.db.query(
    `SELECT id, user_id, event_id, kind, params, emailed_at IS NOT NULL AS is_emailed,
            email_claimed_until IS NOT NULL AS is_claimed
       FROM notifications WHERE user_id = ANY($1::uuid[]) AND kind IN ($2, $3) ORDER BY user_id, kind`,
    [userIds, NotificationKind.AbsenceNear, NotificationKind.AbsenceCrossed],
  );

/** The e-mail events published for any of these notifications. */
async function emailEventsFor(t: TestApp, notificationIds: string[]) {
  const events: { id: string; payload: EmailRequestedPayload }[] = await t.db.query(
    `SELECT id, payload FROM outbox_events WHERE type = $1 AND queue = $2 ORDER BY occurred_at`,
    [NotificationsEventType.EmailRequested, NOTIFICATIONS_QUEUE],
  );
  return events.filter((event) => event.payload.notificationIds.some((id) => notificationIds.includes(id)));
}

const mailsTo = (smtp: Smtp, address: string) =>
  smtp.mails.filter((mail) => mail.rcptTo.includes(address)).map((mail) => parseMail(mail.raw));

describe('notification e-mail through SMTP', () => {
  let smtp: Smtp;
  let t: TestApp;
  let w: AttendanceWorld;
  let near: AttendanceLearner;
  let crossed: AttendanceLearner;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ worker: true, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
    w = await classWithAbsences(t, [1, 2]);
    [near, crossed] = w.learners;
    // The learner warned `near` and the centre's staff have an address; the other learner and the parent staff none.
    await setEmail(t, near.id, 'hong.nguyen@example.vn');
    await setEmail(t, w.staffId, 'daotao@truongchinhtri.example.vn');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('e-mails an absence warning to each reader with an address, once, in Vietnamese', async () => {
    await sendDue(t, w, [near, crossed]);
    const readers = [near.id, crossed.id, w.staffId];
    const rows = await waitFor(async () => {
      const found = await warningsOf(t, readers);
      return found.filter((row) => row.is_emailed).length === 3 ? found : undefined;
    }, 20_000);
    expect(rows.map((row) => [row.user_id, row.kind, row.is_emailed, row.is_claimed]).sort()).toEqual(
      [
        [near.id, NotificationKind.AbsenceNear, true, false],
        [crossed.id, NotificationKind.AbsenceCrossed, false, false],
        [w.staffId, NotificationKind.AbsenceNear, true, false],
        [w.staffId, NotificationKind.AbsenceCrossed, true, false],
      ].sort(),
    );
    expect(smtp.mails).toHaveLength(3);
    expect(smtp.mails.every((mail) => mail.mailFrom === 'no-reply@thuchoc.local')).toBe(true);

    const [toLearner] = mailsTo(smtp, 'hong.nguyen@example.vn');
    expect(toLearner.subject).toBe(`Sắp vượt số buổi vắng cho phép – ${CLASS_TITLE}`);
    expect(toLearner.headers.get('from')).toBe('ThucHoc <no-reply@thuchoc.local>');
    expect(toLearner.headers.get('to')).toContain('<hong.nguyen@example.vn>');
    expect(toLearner.headers.get('auto-submitted')).toBe('auto-generated');
    const body =
      'Học viên Nguyễn Thị Hồng đã vắng 1/1 buổi được phép của lớp “Lớp đảng viên mới – đợt 1”; ' +
      'vắng thêm một buổi sẽ không đủ điều kiện hoàn thành.';
    expect(toLearner.text).toContain('Kính gửi Nguyễn Thị Hồng,');
    expect(toLearner.text).toContain(body);
    expect(toLearner.text).toContain(`Xem chi tiết trên ThucHoc: ${t.config.publicUrl}/`);
    expect(toLearner.html).toContain(`<p>${body}</p>`);

    const toStaff = mailsTo(smtp, 'daotao@truongchinhtri.example.vn');
    expect(toStaff.map((mail) => mail.subject).sort()).toEqual(
      [
        `Sắp vượt số buổi vắng cho phép – ${CLASS_TITLE}`,
        `Đã vượt số buổi vắng cho phép – ${CLASS_TITLE}`,
      ].sort(),
    );
    expect(toStaff.find((mail) => mail.subject.startsWith('Đã'))?.text).toContain(
      'Học viên Trần Văn Bình đã vắng 2 buổi, vượt quá 1 buổi được phép của lớp “Lớp đảng viên mới – đợt 1”, ' +
        'nên không đủ điều kiện hoàn thành lớp học.',
    );
  });

  it('sends nothing twice: not on the same warning again, nor on a redelivered job', async () => {
    const readers = [near.id, crossed.id, w.staffId];
    const rows = await warningsOf(t, readers);
    const ids = rows.map((row) => row.id);
    const events = await emailEventsFor(t, ids);
    // One event per warning (near for one learner, crossed for the other), naming only readers with an address.
    expect(events).toHaveLength(2);
    expect(events.flatMap((event) => event.payload.notificationIds).sort()).toEqual(
      rows
        .filter((row) => row.is_emailed)
        .map((row) => row.id)
        .sort(),
    );

    await sendDue(t, w, [near, crossed]);
    const warning = rows.find((row) => row.user_id === near.id) as WarningRow;
    await t.app
      .get(NotificationsService)
      .notifyMany(warning.event_id, [near.id, w.staffId], warning.kind, warning.params);
    // As a job delivered again after it had sent: every notification is e-mailed already.
    await t.worker
      ?.get(NotificationEmailsService)
      .send(events.flatMap((event) => event.payload.notificationIds));

    expect(await emailEventsFor(t, ids)).toHaveLength(2);
    expect(await warningsOf(t, readers)).toHaveLength(4);
    expect(smtp.mails).toHaveLength(3);
  });

  it('e-mails no notification of a kind not worth an e-mail', async () => {
    const eventId = randomUUID();
    await t.app.get(NotificationsService).notify(eventId, near.id, NotificationKind.PasswordChanged);
    const [row] = await t.db.query('SELECT id FROM notifications WHERE event_id = $1', [eventId]);
    expect(await emailEventsFor(t, [row.id])).toEqual([]);
    expect(smtp.mails).toHaveLength(3);
  });
});

describe('notification e-mail while the SMTP server is down', () => {
  let port: number;
  let t: TestApp;
  let smtp: Smtp | null = null;
  beforeAll(async () => {
    port = await freePort();
    t = await startTestApp({ worker: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    await smtp?.close();
  });

  it('keeps the notification un-e-mailed, and sends it once when the server is back', async () => {
    const w = await classWithAbsences(t, [1]);
    const [learner] = w.learners;
    await setEmail(t, learner.id, 'cuc.le@example.vn');
    await sendDue(t, w, [learner]);
    const [row] = await warningsOf(t, [learner.id]);
    const [event] = await emailEventsFor(t, [row.id]);

    // The job has tried and failed: connection refused.
    const connection = new Redis(t.config.redisUrl ?? '', { maxRetriesPerRequest: null });
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection, prefix: t.config.redisPrefix });
    try {
      const failed = await waitFor(async () => {
        const job = await queue.getJob(event.id);
        return job && job.attemptsMade >= 1 ? job : undefined;
      });
      expect(failed.failedReason).toContain('ECONNREFUSED');
    } finally {
      await queue.close();
      connection.disconnect();
    }
    expect(await warningsOf(t, [learner.id])).toEqual([
      expect.objectContaining({ id: row.id, is_emailed: false, is_claimed: false }),
    ]);

    const server = await startSmtp(port);
    smtp = server;
    await waitFor(async () => ((await warningsOf(t, [learner.id]))[0].is_emailed ? true : undefined), 30_000);
    const mails = mailsTo(server, 'cuc.le@example.vn');
    expect(mails.map((mail) => mail.subject)).toEqual([`Sắp vượt số buổi vắng cho phép – ${CLASS_TITLE}`]);
    expect(mails[0].text).toContain('Kính gửi Nguyễn Thị Hồng,');
    expect(server.mails.filter((mail) => mail.rcptTo.includes('cuc.le@example.vn'))).toHaveLength(1);
  });
});
