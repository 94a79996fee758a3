import { IntegrityFlagResponse, IntegrityFlagStatus } from '@thuchoc/integrity/contracts';

export interface IntegrityFlagRow {
  id: string;
  kind: string;
  status: IntegrityFlagStatus;
  class_id: string | null;
  class_code: string | null;
  session_id: string | null;
  session_title: string | null;
  users: { id: string; fullName: string; username: string }[];
  details: Record<string, unknown>;
  raised_at: Date;
  raised_by_name: string | null;
  resolved_by_name: string | null;
  resolution_reason: string | null;
  resolved_at: Date | null;
}

/** Flags with their class, session, people concerned (in the flag's order) and who raised and resolved them. */
export const INTEGRITY_FLAG_SELECT = `
  SELECT f.id, f.kind, f.status, f.class_id, c.code AS class_code, f.session_id, s.title AS session_title,
         people.users, f.details, f.raised_at, rb.full_name AS raised_by_name, vb.full_name AS resolved_by_name,
         f.resolution_reason, f.resolved_at
    FROM integrity_flags f
    JOIN org_units ou ON ou.id = f.scope_unit_id
    LEFT JOIN classes c ON c.id = f.class_id
    LEFT JOIN class_sessions s ON s.id = f.session_id
    LEFT JOIN users rb ON rb.id = f.raised_by
    LEFT JOIN users vb ON vb.id = f.resolved_by
    CROSS JOIN LATERAL (
      SELECT COALESCE(json_agg(json_build_object('id', u.id, 'fullName', u.full_name, 'username', u.username)
                               ORDER BY x.ord), '[]') AS users
        FROM unnest(f.user_ids) WITH ORDINALITY AS x(user_id, ord) JOIN users u ON u.id = x.user_id
    ) people`;

export function toIntegrityFlagResponse(row: IntegrityFlagRow): IntegrityFlagResponse {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    classId: row.class_id,
    classCode: row.class_code,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    users: row.users,
    details: row.details,
    raisedAt: row.raised_at.toISOString(),
    raisedByName: row.raised_by_name,
    resolvedByName: row.resolved_by_name,
    resolutionReason: row.resolution_reason,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
