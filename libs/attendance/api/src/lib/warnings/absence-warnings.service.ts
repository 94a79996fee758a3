import { Injectable, Logger } from '@nestjs/common';
import { Role } from '@thuchoc/identity/contracts';
import { NotificationsService } from '@thuchoc/notifications/api';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AbsenceWarningLevel, absenceWarningLevel, classAbsenceRule } from './absence-rules';

const KIND_BY_LEVEL: Record<AbsenceWarningLevel, NotificationKind> = {
  near: NotificationKind.AbsenceNear,
  crossed: NotificationKind.AbsenceCrossed,
};

interface LearnerAbsences {
  id: string;
  full_name: string;
  class_title: string;
  absences: number;
  /** Levels already warned about in this class. */
  sent: AbsenceWarningLevel[];
}

/**
 * Warns a learner, and the centre staff responsible for them, when one more
 * absence would break the class's attendance rule (`near`) and when it is
 * broken (`crossed`); each level once per learner and class.
 */
@Injectable()
export class AbsenceWarningsService {
  private readonly logger = new Logger(AbsenceWarningsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Sends the warnings now due to these learners of the class, counting only
   * finalised absences. Safe to run twice and to run concurrently: a level
   * already recorded is skipped, and the notifications are keyed by class,
   * learner and level (not by the triggering event), so a retry or a second
   * event racing this one finds them written and adds nothing. Notifying
   * before recording means a crash in between loses no warning.
   */
  async sendDue(eventId: string, classId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const rule = await classAbsenceRule(this.dataSource, classId);
    const learners: LearnerAbsences[] = await this.dataSource.query(
      `SELECT u.id, u.full_name, c.title AS class_title,
              (SELECT count(*)::int FROM attendance_records r
                WHERE r.class_id = c.id AND r.user_id = u.id AND r.status = 'absent' AND r.finalised_at IS NOT NULL
              ) AS absences,
              ARRAY(SELECT w.level FROM absence_warnings w WHERE w.class_id = c.id AND w.user_id = u.id) AS sent
         FROM users u JOIN classes c ON c.id = $1
        WHERE u.id = ANY($2::uuid[])`,
      [classId, userIds],
    );
    let sent = 0;
    for (const learner of learners) {
      const level = absenceWarningLevel(learner.absences, rule.allowed);
      // Having crossed is having passed `near` too: an approved excuse bringing the count back warns no one.
      if (level === null || learner.sent.includes(level) || learner.sent.includes('crossed')) continue;
      const recipients = [learner.id, ...(await this.responsibleStaff(learner.id))];
      await this.notifications.notifyMany(
        warningId(classId, learner.id, level),
        recipients,
        KIND_BY_LEVEL[level],
        {
          classTitle: learner.class_title,
          learnerName: learner.full_name,
          absences: String(learner.absences),
          allowed: String(rule.allowed),
        },
      );
      await this.dataSource.query(
        `INSERT INTO absence_warnings (class_id, user_id, level) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [classId, learner.id, level],
      );
      sent++;
    }
    if (sent > 0) this.logger.log(`event ${eventId}: ${sent} absence warning(s) sent in class ${classId}`);
  }

  /**
   * Active centre staff whose scope is the nearest unit, up from the learner's
   * own, that has any: the centre that answers for the learner.
   */
  private async responsibleStaff(learnerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH ancestors AS (
         SELECT a.id, a.depth
           FROM users l
           JOIN org_units lu ON lu.id = l.org_unit_id
           JOIN org_units a ON a.id = ANY(string_to_array(trim(BOTH '/' FROM lu.path), '/')::uuid[])
          WHERE l.id = $1
       ), nearest AS (
         SELECT a.id FROM ancestors a
          WHERE EXISTS (SELECT 1 FROM users s WHERE s.scope_unit_id = a.id AND $2 = ANY(s.roles) AND s.is_active)
          ORDER BY a.depth DESC LIMIT 1
       )
       SELECT s.id FROM users s JOIN nearest n ON n.id = s.scope_unit_id
        WHERE $2 = ANY(s.roles) AND s.is_active AND s.id <> $1
        ORDER BY s.id`,
      [learnerId, Role.CentreStaff],
    );
    return rows.map((row) => row.id);
  }
}

/** A stable notification id for one warning level of one learner in one class (a name-based UUID, RFC 9562 v8). */
function warningId(classId: string, userId: string, level: AbsenceWarningLevel): string {
  const hex = createHash('sha256').update(`absence-warning:${classId}:${userId}:${level}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
