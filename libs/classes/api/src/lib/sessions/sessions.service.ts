import { Injectable } from '@nestjs/common';
import { ClassSessionResponse, ClassStatus, SessionMode } from '@thuchoc/classes/contracts';
import { badRequest, conflict, notFound } from '@thuchoc/shared/api-core';
import { DataSource, EntityManager } from 'typeorm';
import { ClassAccess } from '../classes/class-access';
import { CreateSessionDto, UpdateSessionDto } from './dto/session-requests.dto';

export interface SessionRow {
  id: string;
  class_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  mode: SessionMode;
  room: string | null;
  meeting_url: string | null;
  lecturer_id: string | null;
  lecturer_name: string | null;
  class_code: string;
  class_title: string;
}

export const SESSION_SELECT = `
  SELECT s.id, s.class_id, s.title, s.starts_at, s.ends_at, s.mode, s.room, s.meeting_url, s.lecturer_id,
         u.full_name AS lecturer_name, c.code AS class_code, c.title AS class_title
    FROM class_sessions s
    JOIN classes c ON c.id = s.class_id
    LEFT JOIN users u ON u.id = s.lecturer_id`;

export function toSessionResponse(row: SessionRow): ClassSessionResponse {
  return {
    id: row.id,
    classId: row.class_id,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    mode: row.mode,
    room: row.room,
    meetingUrl: row.meeting_url,
    lecturerId: row.lecturer_id,
    lecturerName: row.lecturer_name,
  };
}

const VIETNAM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "08:00 ngày 02/03/2027", in Vietnam time. */
export function vietnamTime(date: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    VIETNAM_PARTS.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ngày ${part('day')}/${part('month')}/${part('year')}`;
}

/** The class's schedule. A lecturer is never booked into two sessions that overlap, in any class. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ClassAccess,
  ) {}

  async list(classId: string, manager: EntityManager = this.dataSource.manager): Promise<SessionRow[]> {
    return manager.query(`${SESSION_SELECT} WHERE s.class_id = $1 ORDER BY s.starts_at, s.id`, [classId]);
  }

  async create(classId: string, dto: CreateSessionDto): Promise<SessionRow> {
    return this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      this.assertSchedulable(klass.status);
      const session = { ...dto, room: dto.room ?? null, meetingUrl: dto.meetingUrl ?? null };
      await this.assertSessionFits(tx, classId, null, { ...session, lecturerId: dto.lecturerId ?? null });
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO class_sessions (class_id, title, starts_at, ends_at, mode, room, meeting_url, lecturer_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          classId,
          dto.title,
          dto.startsAt,
          dto.endsAt,
          dto.mode,
          session.room,
          session.meetingUrl,
          dto.lecturerId ?? null,
        ],
      );
      return this.row(tx, classId, id);
    });
  }

  async update(classId: string, sessionId: string, dto: UpdateSessionDto): Promise<SessionRow> {
    return this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      this.assertSchedulable(klass.status);
      const current = await this.row(tx, classId, sessionId);
      const next = {
        title: dto.title ?? current.title,
        startsAt: dto.startsAt ?? current.starts_at.toISOString(),
        endsAt: dto.endsAt ?? current.ends_at.toISOString(),
        mode: dto.mode ?? current.mode,
        room: dto.room === undefined ? current.room : dto.room,
        meetingUrl: dto.meetingUrl === undefined ? current.meeting_url : dto.meetingUrl,
        lecturerId: dto.lecturerId === undefined ? current.lecturer_id : dto.lecturerId,
      };
      await this.assertSessionFits(tx, classId, sessionId, next);
      await tx.query(
        `UPDATE class_sessions SET title = $3, starts_at = $4, ends_at = $5, mode = $6, room = $7, meeting_url = $8,
                lecturer_id = $9
          WHERE id = $1 AND class_id = $2`,
        [
          sessionId,
          classId,
          next.title,
          next.startsAt,
          next.endsAt,
          next.mode,
          next.room,
          next.meetingUrl,
          next.lecturerId,
        ],
      );
      return this.row(tx, classId, sessionId);
    });
  }

  async remove(classId: string, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      this.assertSchedulable(klass.status);
      await this.row(tx, classId, sessionId);
      await tx.query('DELETE FROM class_sessions WHERE id = $1', [sessionId]);
    });
  }

  private async row(manager: EntityManager, classId: string, sessionId: string): Promise<SessionRow> {
    const rows: SessionRow[] = await manager.query(`${SESSION_SELECT} WHERE s.id = $1 AND s.class_id = $2`, [
      sessionId,
      classId,
    ]);
    if (!rows[0]) throw notFound('session.not-found', 'No such session in this class.');
    return rows[0];
  }

  private assertSchedulable(status: ClassStatus): void {
    if (status === ClassStatus.Closed || status === ClassStatus.Archived)
      throw conflict('session.class-closed', 'The schedule of a closed class cannot change.');
  }

  private async assertSessionFits(
    manager: EntityManager,
    classId: string,
    sessionId: string | null,
    session: { startsAt: string; endsAt: string; mode: SessionMode; lecturerId: string | null },
  ): Promise<void> {
    if (new Date(session.endsAt).getTime() <= new Date(session.startsAt).getTime())
      throw badRequest('session.ends-before-start', 'A session must end after it starts.', [
        { field: 'endsAt', messages: ['Giờ kết thúc phải sau giờ bắt đầu.'] },
      ]);
    if (!session.lecturerId) return;
    const teaches: unknown[] = await manager.query(
      'SELECT 1 FROM class_lecturers WHERE class_id = $1 AND user_id = $2',
      [classId, session.lecturerId],
    );
    if (teaches.length === 0)
      throw badRequest('session.lecturer-not-in-class', 'The lecturer does not teach this class.', [
        { field: 'lecturerId', messages: ['Giảng viên này không thuộc danh sách giảng viên của lớp.'] },
      ]);
    // One lecturer's bookings are checked and written one at a time, across every class.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `lecturer-schedule:${session.lecturerId}`,
    ]);
    const clashes: { class_code: string; class_title: string; starts_at: Date; ends_at: Date }[] =
      await manager.query(
        `SELECT c.code AS class_code, c.title AS class_title, s.starts_at, s.ends_at
           FROM class_sessions s JOIN classes c ON c.id = s.class_id
          WHERE s.lecturer_id = $1 AND s.starts_at < $3 AND s.ends_at > $2 AND s.id IS DISTINCT FROM $4::uuid
            AND c.status NOT IN ('closed', 'archived')
          ORDER BY s.starts_at LIMIT 1`,
        [session.lecturerId, session.startsAt, session.endsAt, sessionId],
      );
    const clash = clashes[0];
    if (clash)
      throw conflict(
        'session.lecturer-double-booked',
        `Giảng viên đã có buổi dạy lớp ${clash.class_code} (${clash.class_title}) từ ${vietnamTime(
          clash.starts_at,
        )} đến ${vietnamTime(clash.ends_at)}.`,
      );
  }
}
