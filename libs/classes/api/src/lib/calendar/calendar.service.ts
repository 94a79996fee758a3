import { Inject, Injectable } from '@nestjs/common';
import { CalendarFeedResponse, SessionMode } from '@thuchoc/classes/contracts';
import { APP_CONFIG, AppConfig, notFound } from '@thuchoc/shared/api-core';
import ical from 'ical-generator';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SESSION_SELECT, SessionRow } from '../sessions/sessions.service';

export type FeedKind = 'class' | 'user';

const MODE_LABEL: Record<SessionMode, string> = {
  [SessionMode.OnlineLive]: 'Trực tuyến',
  [SessionMode.InPerson]: 'Trực tiếp',
  [SessionMode.SelfPaced]: 'Tự học',
};

/**
 * iCal feeds, so sessions appear in phone calendars. A feed is reached by an
 * unguessable token (256 random bits) instead of a sign-in, since calendar
 * apps cannot sign in; the token is created once per class or user.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async feedFor(kind: FeedKind, subjectId: string): Promise<CalendarFeedResponse> {
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (token, kind, subject_id) VALUES ($1, $2, $3)
       ON CONFLICT (kind, subject_id) DO NOTHING`,
      [randomBytes(32).toString('base64url'), kind, subjectId],
    );
    const [{ token }]: { token: string }[] = await this.dataSource.query(
      'SELECT token FROM calendar_feeds WHERE kind = $1 AND subject_id = $2',
      [kind, subjectId],
    );
    const path = `/api/v1/calendar/${token}.ics`;
    return { path, url: `${this.config.publicUrl}${path}` };
  }

  /** The feed's calendar text, or 404 for an unknown token. */
  async render(token: string): Promise<string> {
    const feeds: { kind: FeedKind; subject_id: string; name: string }[] = await this.dataSource.query(
      `SELECT f.kind, f.subject_id, coalesce(c.title, u.full_name) AS name
         FROM calendar_feeds f
         LEFT JOIN classes c ON f.kind = 'class' AND c.id = f.subject_id
         LEFT JOIN users u ON f.kind = 'user' AND u.id = f.subject_id
        WHERE f.token = $1`,
      [token],
    );
    const feed = feeds[0];
    if (!feed) throw notFound('calendar.not-found', 'No such calendar.');
    const sessions: SessionRow[] =
      feed.kind === 'class'
        ? await this.dataSource.query(`${SESSION_SELECT} WHERE s.class_id = $1 ORDER BY s.starts_at`, [
            feed.subject_id,
          ])
        : await this.dataSource.query(
            `${SESSION_SELECT}
              WHERE s.class_id IN (
                SELECT class_id FROM enrollments WHERE user_id = $1 AND status IN ('active', 'waitlisted')
                UNION SELECT class_id FROM class_lecturers WHERE user_id = $1)
                AND c.status NOT IN ('archived')
              ORDER BY s.starts_at`,
            [feed.subject_id],
          );
    const calendar = ical({
      name: `ThucHoc – ${feed.name}`,
      prodId: { company: 'ThucHoc', product: 'thuchoc', language: 'VI' },
      ttl: 3600,
    });
    for (const session of sessions) {
      calendar.createEvent({
        id: `${session.id}@thuchoc`,
        start: session.starts_at,
        end: session.ends_at,
        summary: `${session.class_code} – ${session.title}`,
        description: [session.class_title, MODE_LABEL[session.mode], session.lecturer_name]
          .filter(Boolean)
          .join('\n'),
        location: session.room ?? session.meeting_url ?? undefined,
        url: session.meeting_url ?? undefined,
      });
    }
    return calendar.toString();
  }
}
