import { ExcuseResponse, ExcuseStatus } from '@thuchoc/attendance/contracts';

export interface ExcuseRow {
  id: string;
  session_id: string;
  session_title: string;
  session_starts_at: Date;
  class_id: string;
  class_code: string;
  owner_unit_id: string;
  user_id: string;
  full_name: string;
  username: string;
  reason: string;
  status: ExcuseStatus;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment_size: number | null;
  submitted_at: Date;
  decided_by_name: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

/** Excuses with their session, class, learner and decider; never the attachment's bytes. */
export const EXCUSE_SELECT = `
  SELECT x.id, x.session_id, s.title AS session_title, s.starts_at AS session_starts_at, x.class_id,
         c.code AS class_code, c.owner_unit_id, x.user_id, u.full_name, u.username, x.reason, x.status,
         x.attachment_name, x.attachment_type, x.attachment_size, x.submitted_at, d.full_name AS decided_by_name,
         x.decision_reason, x.decided_at
    FROM attendance_excuses x
    JOIN class_sessions s ON s.id = x.session_id
    JOIN classes c ON c.id = x.class_id
    JOIN users u ON u.id = x.user_id
    LEFT JOIN users d ON d.id = x.decided_by`;

/** Who reads the excuse decides where its attachment is downloaded from. */
export type ExcuseReader = 'learner' | 'staff';

const DOWNLOAD_BASE: Record<ExcuseReader, string> = {
  learner: '/me/attendance/excuses',
  staff: '/attendance/excuses',
};

export function toExcuseResponse(row: ExcuseRow, reader: ExcuseReader): ExcuseResponse {
  return {
    id: row.id,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    sessionStartsAt: row.session_starts_at.toISOString(),
    classId: row.class_id,
    classCode: row.class_code,
    userId: row.user_id,
    fullName: row.full_name,
    username: row.username,
    reason: row.reason,
    status: row.status,
    attachment:
      row.attachment_name === null
        ? null
        : {
            fileName: row.attachment_name,
            sizeBytes: row.attachment_size ?? 0,
            contentType: row.attachment_type ?? 'application/octet-stream',
            downloadPath: `${DOWNLOAD_BASE[reader]}/${row.id}/attachment`,
          },
    submittedAt: row.submitted_at.toISOString(),
    decidedByName: row.decided_by_name,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}
