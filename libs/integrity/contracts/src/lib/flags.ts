/** Why an integrity flag was raised. Open flags block certification (see the completion policy). */
export enum IntegrityFlagKind {
  /** A second account tried to check in from a device already used in the session. */
  SharedDevice = 'shared-device',
  /** Many accounts checked in to one session from the same IP address. */
  SharedIp = 'shared-ip',
  /** Attendance marked by hand long after the session. */
  LateManualMark = 'late-manual-mark',
  /** One manual action marked many learners at once. */
  BulkManualMark = 'bulk-manual-mark',
}

export enum IntegrityFlagStatus {
  Open = 'open',
  Resolved = 'resolved',
}

export interface IntegrityFlagResponse {
  id: string;
  kind: IntegrityFlagKind | string;
  status: IntegrityFlagStatus;
  classId: string | null;
  classCode: string | null;
  sessionId: string | null;
  sessionTitle: string | null;
  /** The learners concerned. */
  users: { id: string; fullName: string; username: string }[];
  /** Facts behind the flag, e.g. the device fingerprint, IP address or number marked. */
  details: Record<string, unknown>;
  raisedAt: string;
  raisedByName: string | null;
  resolvedByName: string | null;
  resolutionReason: string | null;
  resolvedAt: string | null;
}

export interface FlagListQuery {
  status?: IntegrityFlagStatus;
  classId?: string;
  page?: number;
  pageSize?: number;
}

export interface ResolveFlagRequest {
  reason: string;
}
