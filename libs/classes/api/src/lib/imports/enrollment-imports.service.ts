import { Injectable, Logger } from '@nestjs/common';
import {
  CLASSES_QUEUE,
  ClassesEventType,
  ClassLedgerType,
  EnrollmentImportResponse,
  EnrollmentStatus,
  IMPORT_MAX_ROWS,
  ImportRowError,
  ImportRowProblem,
  ImportStatus,
} from '@thuchoc/classes/contracts';
import { ActivationTokens, Principal, userSearchText } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { badRequest, conflict, notFound, OutboxService } from '@thuchoc/shared/api-core';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ClassAccess, LockedClass } from '../classes/class-access';
import { isEnrolling } from '../classes/class-rules';
import { Waitlist } from '../enrollments/waitlist';
import { ClassLedger } from '../history/class-ledger';
import { streamRows, UnreadableFileError } from './import-file';
import {
  ImportCandidate,
  ImportRowFailure,
  mapColumns,
  MissingColumnsError,
  RowChecker,
  RowOutcome,
  scanImportFile,
} from './import-rows';
import { ROW_ERROR_MESSAGES } from './row-messages';

/** Rows handled per transaction: each batch commits its users, enrollments, ledger entries and progress together. */
export const IMPORT_BATCH = 1000;
/** How many problems the import record shows; the error report has them all. */
const SHOWN_ERRORS = 200;

interface ImportRow {
  id: string;
  class_id: string;
  requested_by: string;
  file_name: string;
  status: ImportStatus;
  total_rows: number;
  processed_rows: number;
  created_users: number;
  enrolled: number;
  waitlisted: number;
  already_enrolled: number;
  error_count: number;
  errors: ImportRowProblem[];
  failure: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const IMPORT_COLUMNS = `id, class_id, requested_by, file_name, status, total_rows, processed_rows, created_users,
  enrolled, waitlisted, already_enrolled, error_count, failure, created_at, finished_at`;

interface UnitRef {
  id: string;
  path: string;
}

interface ExistingUser {
  id: string;
  username: string;
  email: string | null;
  is_active: boolean;
  is_learner: boolean;
  unit_path: string;
}

interface BatchResult {
  createdUsers: number;
  enrolled: number;
  waitlisted: number;
  alreadyEnrolled: number;
  problems: ImportRowProblem[];
}

const toProblem = (failure: ImportRowFailure): ImportRowProblem => ({
  ...failure,
  message: ROW_ERROR_MESSAGES[failure.error],
});

export function toImportResponse(row: ImportRow): EnrollmentImportResponse {
  return {
    id: row.id,
    classId: row.class_id,
    fileName: row.file_name,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    createdUsers: row.created_users,
    enrolled: row.enrolled,
    waitlisted: row.waitlisted,
    alreadyEnrolled: row.already_enrolled,
    errorCount: row.error_count,
    errors: row.errors.slice(0, SHOWN_ERRORS),
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/**
 * Bulk enrollment from a CSV or XLSX file, run as a job. Each batch of rows
 * commits with the import's progress, so a job retried after a crash resumes
 * where the last commit left it and ends with exactly the rows a clean run
 * makes. Re-running a file finds everyone already there: it changes nothing
 * and notifies no one.
 */
@Injectable()
export class EnrollmentImportsService {
  private readonly logger = new Logger(EnrollmentImportsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ClassAccess,
    private readonly waitlist: Waitlist,
    private readonly ledger: ClassLedger,
    private readonly outbox: OutboxService,
    private readonly activationTokens: ActivationTokens,
  ) {}

  /** Stores the file and queues its job. The header is checked now, so a wrong file fails at once. */
  async create(principal: Principal, classId: string, fileName: string, bytes: Buffer) {
    if (bytes.length === 0) throw badRequest('import.unreadable', 'The file is empty.');
    let dataRows: number;
    try {
      // Read through once, keeping no rows: the header, every row's readability and the count.
      ({ dataRows } = await scanImportFile(bytes, IMPORT_MAX_ROWS));
    } catch (error) {
      if (error instanceof MissingColumnsError)
        throw badRequest(
          'import.missing-columns',
          `The file lacks the columns: ${error.missing.join(', ')}.`,
        );
      if (error instanceof UnreadableFileError) throw badRequest('import.unreadable', error.message);
      throw error;
    }
    if (dataRows > IMPORT_MAX_ROWS)
      throw badRequest('import.too-many-rows', `A file may hold at most ${IMPORT_MAX_ROWS} learners.`);
    const id = await this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      if (!isEnrolling(klass.status))
        throw conflict('enrollment.class-not-enrolling', 'This class no longer takes learners.');
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO enrollment_imports (class_id, requested_by, file_name, file_sha256, content, total_rows)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          classId,
          principal.userId,
          fileName.replace(/^.*[\\/]/, '').slice(0, 200) || 'import',
          createHash('sha256').update(bytes).digest('hex'),
          bytes,
          dataRows,
        ],
      );
      await this.outbox.publish(tx, {
        type: ClassesEventType.ImportRequested,
        queue: CLASSES_QUEUE,
        payload: { importId: id },
      });
      return id;
    });
    return this.get(classId, id);
  }

  async get(classId: string, importId: string): Promise<EnrollmentImportResponse> {
    const rows: ImportRow[] = await this.dataSource.query(
      `SELECT ${IMPORT_COLUMNS}, (SELECT coalesce(jsonb_agg(x), '[]') FROM (
                SELECT x FROM jsonb_array_elements(errors) x LIMIT ${SHOWN_ERRORS}) t) AS errors
         FROM enrollment_imports WHERE id = $1 AND class_id = $2`,
      [importId, classId],
    );
    if (!rows[0]) throw notFound('import.not-found', 'No such import in this class.');
    return toImportResponse(rows[0]);
  }

  async list(classId: string): Promise<EnrollmentImportResponse[]> {
    const rows: ImportRow[] = await this.dataSource.query(
      `SELECT ${IMPORT_COLUMNS}, '[]'::jsonb AS errors
         FROM enrollment_imports WHERE class_id = $1 ORDER BY created_at DESC LIMIT 50`,
      [classId],
    );
    return rows.map(toImportResponse);
  }

  /** Every problem of the import, for its error report. */
  async problems(classId: string, importId: string): Promise<ImportRowProblem[]> {
    const rows: { errors: ImportRowProblem[] }[] = await this.dataSource.query(
      'SELECT errors FROM enrollment_imports WHERE id = $1 AND class_id = $2',
      [importId, classId],
    );
    if (!rows[0]) throw notFound('import.not-found', 'No such import in this class.');
    return rows[0].errors;
  }

  /** Accounts enrolled by this import that still wait for activation, with their one-time links. */
  async activationSheet(classId: string, importId: string) {
    await this.get(classId, importId);
    const rows: {
      id: string;
      full_name: string;
      username: string;
      unit_name: string;
      activation_nonce: string;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.full_name, u.username, o.name AS unit_name, u.activation_nonce
           FROM enrollments e JOIN users u ON u.id = e.user_id JOIN org_units o ON o.id = u.org_unit_id
          WHERE e.import_id = $1 AND e.class_id = $2 AND u.activation_nonce IS NOT NULL
          ORDER BY o.name, u.full_name`,
      [importId, classId],
    );
    return rows.map((row) => ({
      fullName: row.full_name,
      username: row.username,
      unitName: row.unit_name,
      activationUrl: this.activationTokens.urlFor(row.id, row.activation_nonce),
    }));
  }

  /**
   * The job. Safe to run again after a crash, or twice at once (the import row is locked per batch).
   * The file is streamed: read through once to refuse an unreadable file before anything is written,
   * then again batch by batch, so the worker holds one batch of rows, not the whole file.
   */
  async run(importId: string): Promise<void> {
    const [job]: { class_id: string; status: ImportStatus; content: Buffer; requested_by: string }[] =
      await this.dataSource.query(
        'SELECT class_id, status, content, requested_by FROM enrollment_imports WHERE id = $1',
        [importId],
      );
    if (!job || job.status === ImportStatus.Completed || job.status === ImportStatus.Failed) return;
    await this.dataSource.query(
      `UPDATE enrollment_imports SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1`,
      [importId],
    );
    try {
      await scanImportFile(job.content);
    } catch (error) {
      if (!(error instanceof UnreadableFileError) && !(error instanceof MissingColumnsError)) throw error;
      await this.dataSource.query(
        `UPDATE enrollment_imports SET status = 'failed', failure = $2, finished_at = now() WHERE id = $1`,
        [importId, error.message],
      );
      return;
    }
    const rows = streamRows(job.content);
    try {
      const header = await rows.next();
      if (header.done) throw new UnreadableFileError('The file has no rows.');
      const checker = new RowChecker(mapColumns(header.value.cells));
      const units = new Map<string, UnitRef | null>();
      /** Data rows read from the stream so far: rows before `processed_rows` still feed the duplicate check. */
      let position = 0;
      for (;;) {
        const done = await this.dataSource.transaction(async (tx) => {
          const [progress]: { processed_rows: number; status: ImportStatus }[] = await tx.query(
            'SELECT processed_rows, status FROM enrollment_imports WHERE id = $1 FOR UPDATE',
            [importId],
          );
          if (progress.status !== ImportStatus.Running) return true;
          const start = progress.processed_rows;
          if (position > start) throw new Error(`import ${importId}: its progress went back to ${start}`);
          const batch: RowOutcome[] = [];
          while (position < start + IMPORT_BATCH) {
            const next = await rows.next();
            if (next.done) break;
            const outcome = checker.check(next.value);
            position += 1;
            if (position > start) batch.push(outcome);
          }
          if (batch.length === 0) {
            await tx.query(
              `UPDATE enrollment_imports SET status = 'completed', finished_at = now() WHERE id = $1`,
              [importId],
            );
            return true;
          }
          await this.resolveUnits(tx, units, batch);
          const result = await this.processBatch(tx, importId, job.class_id, job.requested_by, batch, units);
          await tx.query(
            `UPDATE enrollment_imports
                SET processed_rows = $2, created_users = created_users + $3, enrolled = enrolled + $4,
                    waitlisted = waitlisted + $5, already_enrolled = already_enrolled + $6,
                    error_count = error_count + $7, errors = errors || $8::jsonb
              WHERE id = $1`,
            [
              importId,
              start + batch.length,
              result.createdUsers,
              result.enrolled,
              result.waitlisted,
              result.alreadyEnrolled,
              result.problems.length,
              JSON.stringify(result.problems),
            ],
          );
          return false;
        });
        if (done) break;
      }
    } finally {
      await rows.return(undefined);
    }
    this.logger.log(`import ${importId} finished`);
  }

  /** Adds the batch's unit codes not looked up yet (an unknown code is remembered as null). */
  private async resolveUnits(tx: EntityManager, units: Map<string, UnitRef | null>, batch: RowOutcome[]) {
    const codes = [
      ...new Set(batch.flatMap((o) => (o.kind === 'accepted' ? [o.candidate.unitCode] : []))),
    ].filter((code) => !units.has(code));
    if (codes.length === 0) return;
    const rows: { code: string; id: string; path: string }[] = await tx.query(
      `SELECT upper(code) AS code, id, path FROM org_units WHERE upper(code) = ANY($1) AND status = 'active'`,
      [codes],
    );
    for (const code of codes) units.set(code, null);
    for (const row of rows) units.set(row.code, { id: row.id, path: row.path });
  }

  private async processBatch(
    tx: EntityManager,
    importId: string,
    classId: string,
    actorId: string,
    batch: RowOutcome[],
    units: Map<string, UnitRef | null>,
  ): Promise<BatchResult> {
    const klass = await this.access.lock(tx, classId);
    const problems: ImportRowProblem[] = [];
    const candidates: ImportCandidate[] = [];
    for (const outcome of batch) {
      if (outcome.kind === 'accepted') candidates.push(outcome.candidate);
      else problems.push(toProblem(outcome.failure));
    }
    const fail = (candidate: ImportCandidate, error: ImportRowError, value: string | null) =>
      problems.push(
        toProblem({
          row: candidate.row,
          error,
          value,
          identifier: candidate.username,
          fullName: candidate.fullName,
        }),
      );

    const existing = await this.existingUsers(tx, candidates);
    const toCreate: (ImportCandidate & { unit: UnitRef })[] = [];
    const toEnroll: { candidate: ImportCandidate; userId: string }[] = [];
    for (const candidate of candidates) {
      const byUsername = candidate.hasUsername ? existing.byUsername.get(candidate.username) : undefined;
      const byEmail = candidate.email ? existing.byEmail.get(candidate.email) : undefined;
      const user = candidate.hasUsername
        ? byUsername
        : (byEmail ?? existing.byUsername.get(candidate.username));
      if (candidate.hasUsername && byEmail && byEmail.id !== byUsername?.id) {
        fail(candidate, ImportRowError.IdentifierConflict, candidate.email);
      } else if (user) {
        if (!user.is_active) fail(candidate, ImportRowError.UserInactive, user.username);
        else if (!user.is_learner) fail(candidate, ImportRowError.NotALearner, user.username);
        else if (!user.unit_path.startsWith(klass.target_path))
          fail(candidate, ImportRowError.UnitOutsideTarget, candidate.unitCode);
        else toEnroll.push({ candidate, userId: user.id });
      } else {
        const unit = units.get(candidate.unitCode);
        if (!unit) fail(candidate, ImportRowError.UnknownUnit, candidate.unitCode);
        else if (!unit.path.startsWith(klass.target_path))
          fail(candidate, ImportRowError.UnitOutsideTarget, candidate.unitCode);
        else toCreate.push({ ...candidate, unit });
      }
    }

    const created = await this.createUsers(tx, toCreate);
    for (const candidate of toCreate) {
      const userId = created.get(candidate.username);
      // Taken meanwhile by someone else's import or sign-up: report it rather than guess.
      if (userId) toEnroll.push({ candidate, userId });
      else fail(candidate, ImportRowError.IdentifierConflict, candidate.username);
    }
    toEnroll.sort((a, b) => a.candidate.row - b.candidate.row);
    const enrollment = await this.enroll(tx, klass, importId, actorId, toEnroll);
    problems.sort((a, b) => a.row - b.row);
    return { createdUsers: created.size, ...enrollment, problems };
  }

  private async existingUsers(tx: EntityManager, candidates: ImportCandidate[]) {
    const usernames = candidates.map((c) => c.username);
    const emails = candidates.flatMap((c) => (c.email ? [c.email] : []));
    // One index probe per login and per e-mail. (`lower(username) = ANY($1) OR lower(email) = ANY($2)` is
    // planned as a sequential scan of users whenever the statistics lag behind, as they do during an
    // import: 0.1 s per batch at 150,000 users.)
    const rows: ExistingUser[] = candidates.length
      ? await tx.query(
          `SELECT m.id, m.username, m.email, m.is_active, m.is_learner,
                  (SELECT o.path FROM org_units o WHERE o.id = m.org_unit_id) AS unit_path
             FROM (SELECT u.id, lower(u.username) AS username, lower(u.email) AS email, u.is_active,
                          $3 = ANY(u.roles) AS is_learner, u.org_unit_id
                     FROM unnest($1::text[]) AS k(login) JOIN users u ON lower(u.username) = k.login
                   UNION
                   SELECT u.id, lower(u.username), lower(u.email), u.is_active, $3 = ANY(u.roles), u.org_unit_id
                     FROM unnest($2::text[]) AS k(email) JOIN users u ON lower(u.email) = k.email) m`,
          [usernames, emails, Role.Learner],
        )
      : [];
    return {
      byUsername: new Map(rows.map((row) => [row.username, row])),
      byEmail: new Map(rows.filter((row) => row.email).map((row) => [row.email as string, row])),
    };
  }

  /** New learner accounts without a password: each gets a one-time activation link instead. */
  private async createUsers(
    tx: EntityManager,
    rows: (ImportCandidate & { unit: UnitRef })[],
  ): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const created: { id: string; username: string }[] = await tx.query(
      `INSERT INTO users (username, email, password_hash, full_name, search_text, phone, org_unit_id, scope_unit_id,
                          position, roles, activation_nonce)
       SELECT r.username, r.email, NULL, r.full_name, r.search_text, r.phone, r.unit_id, r.unit_id, r.position,
              ARRAY[$2]::text[], r.nonce
         FROM jsonb_to_recordset($1::jsonb) AS r(username text, email text, full_name text, search_text text,
                                                 phone text, unit_id uuid, position text, nonce text)
       ON CONFLICT DO NOTHING
       RETURNING id, lower(username) AS username`,
      [
        JSON.stringify(
          rows.map((row) => ({
            username: row.username,
            email: row.email,
            full_name: row.fullName,
            search_text: userSearchText(row.fullName, row.username, row.email),
            phone: row.phone,
            unit_id: row.unit.id,
            position: row.position,
            nonce: this.activationTokens.newNonce(),
          })),
        ),
        Role.Learner,
      ],
    );
    return new Map(created.map((row) => [row.username, row.id]));
  }

  /** Places first, then the waitlist in file order; someone already in the class is left as they are. */
  private async enroll(
    tx: EntityManager,
    klass: LockedClass,
    importId: string,
    actorId: string,
    rows: { candidate: ImportCandidate; userId: string }[],
  ) {
    const empty = { enrolled: 0, waitlisted: 0, alreadyEnrolled: 0 };
    if (rows.length === 0) return empty;
    const present: { user_id: string }[] = await tx.query(
      'SELECT user_id FROM enrollments WHERE class_id = $1 AND user_id = ANY($2::uuid[])',
      [klass.id, rows.map((row) => row.userId)],
    );
    const isPresent = new Set(present.map((row) => row.user_id));
    const fresh = rows.filter((row) => !isPresent.has(row.userId));
    let free = Math.max(0, klass.capacity - (await this.waitlist.activeCount(tx, klass.id)));
    const planned = fresh.map((row, ord) => {
      const status = free > 0 ? EnrollmentStatus.Active : EnrollmentStatus.Waitlisted;
      if (free > 0) free -= 1;
      return { user_id: row.userId, status, ord, row: row.candidate.row };
    });
    const inserted: { id: string; user_id: string; status: EnrollmentStatus; row: number }[] = planned.length
      ? await tx.query(
          `INSERT INTO enrollments (class_id, user_id, status, source, import_id, decided_at, waitlisted_at)
           SELECT $1, p.user_id, p.status, 'import', $2, now(),
                  CASE WHEN p.status = 'waitlisted' THEN clock_timestamp() + p.ord * interval '1 microsecond' END
             FROM jsonb_to_recordset($3::jsonb) AS p(user_id uuid, status text, ord integer, row integer)
            ORDER BY p.ord
           ON CONFLICT (class_id, user_id) DO NOTHING
           RETURNING id, user_id, status`,
          [klass.id, importId, JSON.stringify(planned)],
        )
      : [];
    const rowOf = new Map(planned.map((p) => [p.user_id, p.row]));
    await this.ledger.recordMany(
      tx,
      klass.id,
      inserted.map((row) => ({
        type: ClassLedgerType.EnrollmentAdded,
        actorId,
        subjectIds: { enrollmentId: row.id, userId: row.user_id },
        payload: { status: row.status, source: 'import', importId, row: rowOf.get(row.user_id) },
      })),
    );
    const activated = inserted
      .filter((row) => row.status === EnrollmentStatus.Active)
      .map((row) => row.user_id);
    await this.waitlist.announce(tx, klass, activated, 'enrolled');
    return {
      enrolled: activated.length,
      waitlisted: inserted.length - activated.length,
      alreadyEnrolled: rows.length - inserted.length,
    };
  }
}
