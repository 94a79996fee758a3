import { EnrollmentImportResponse, ImportRowError, ImportStatus } from '@thuchoc/classes/contracts';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import * as ExcelJS from 'exceljs';
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, login, startTestApp, TestApp, unique, waitFor } from './support/test-app';
import { ClassWorld, makeClass, makeClassWorld } from './support/class-world';

const HEADER = 'Tên đăng nhập,Email,Họ và tên,Mã đơn vị,Chức vụ,Số điện thoại';
const WORKER_MAIN = join(__dirname, '../../../dist/apps/worker/main.js');

describe('enrollment import', () => {
  let t: TestApp;
  let w: ClassWorld;
  let codeA: string;
  let codeB: string;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    w = await makeClassWorld(t);
    const codes: { id: string; code: string }[] = await t.db.query(
      'SELECT id, code FROM org_units WHERE id = ANY($1::uuid[])',
      [[w.communeA, w.communeB]],
    );
    codeA = codes.find((c) => c.id === w.communeA)?.code as string;
    codeB = codes.find((c) => c.id === w.communeB)?.code as string;
  });
  afterAll(() => t.close());

  const upload = (classId: string, bytes: Buffer, fileName = 'danh-sách.csv') =>
    t.http().post(`/api/v1/classes/${classId}/imports`).set(bearer(w.staff)).attach('file', bytes, fileName);
  const finished = (classId: string, importId: string, timeoutMs = 30_000) =>
    waitFor(async () => {
      const got = (
        await t.http().get(`/api/v1/classes/${classId}/imports/${importId}`).set(bearer(w.staff)).expect(200)
      ).body as EnrollmentImportResponse;
      return got.status === ImportStatus.Completed || got.status === ImportStatus.Failed ? got : undefined;
    }, timeoutMs);
  const importFile = async (classId: string, bytes: Buffer, fileName?: string) => {
    const queued = (await upload(classId, bytes, fileName).expect(202)).body as EnrollmentImportResponse;
    return finished(classId, queued.id);
  };
  const people = (prefix: string, n: number, unitCode: string) =>
    Array.from({ length: n }, (_, i) => ({
      username: `${prefix}${String(i + 1).padStart(3, '0')}`,
      fullName: `Nguyễn Thị Hồng ${i + 1}`,
      unitCode,
      position: 'Đảng viên mới',
      phone: `09${String(12345600 + i)}`,
    }));
  const csvOf = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
  const line = (p: ReturnType<typeof people>[number]) =>
    `${p.username},,${p.fullName},${p.unitCode},${p.position},${p.phone}`;

  it('imports a list with exactly its bad rows reported, makes activation links, and changes nothing on a re-run', async () => {
    const klass = await makeClass(t, w, { capacity: 100 });
    const good = people(unique('hv').replace('-', ''), 10, codeA);
    const bytes = csvOf([
      ...good.slice(0, 4).map(line),
      `${unique('x').replace('-', '')},,Lê Văn Sai Mã,KHONG-CO,,`,
      ...good.slice(4, 8).map(line),
      `,khong-phai-email,Trần Văn Thư,${codeA},,`,
      ...good.slice(8).map(line),
      line(good[0]),
    ]);
    const result = await importFile(klass.id, bytes);
    expect(result).toMatchObject({
      status: 'completed',
      fileName: 'danh-sách.csv',
      totalRows: 13,
      processedRows: 13,
      createdUsers: 10,
      enrolled: 10,
      waitlisted: 0,
      alreadyEnrolled: 0,
      errorCount: 3,
    });
    expect(result.errors.map((e) => [e.row, e.error, e.value])).toEqual([
      [6, ImportRowError.UnknownUnit, 'KHONG-CO'],
      [11, ImportRowError.InvalidEmail, 'khong-phai-email'],
      [14, ImportRowError.DuplicateInFile, good[0].username],
    ]);
    const stored: { full_name: string; phone: string; position: string }[] = await t.db.query(
      'SELECT full_name, phone, position FROM users WHERE username = $1',
      [good[2].username],
    );
    expect(stored).toEqual([
      { full_name: 'Nguyễn Thị Hồng 3', phone: good[2].phone, position: 'Đảng viên mới' },
    ]);

    // The printable activation sheet: one row per new account, each with a one-time link.
    const sheetResponse = await t
      .http()
      .get(`/api/v1/classes/${klass.id}/imports/${result.id}/activation-sheet`)
      .set(bearer(w.staff))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((sheetResponse.body as Buffer).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const links: { username: string; url: string }[] = [];
    sheet.eachRow((row, number) => {
      if (number > 3) {
        const link = row.getCell(5).value as { hyperlink: string };
        links.push({ username: String(row.getCell(3).value), url: link.hyperlink });
      }
    });
    expect(links.map((l) => l.username).sort()).toEqual(good.map((p) => p.username).sort());
    const token = (links.find((l) => l.username === good[0].username)?.url ?? '').split('/activate/')[1];
    const preview = await t.http().get(`/api/v1/auth/activation/${token}`).expect(200);
    expect(preview.body).toEqual({ fullName: 'Nguyễn Thị Hồng 1', username: good[0].username });
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: good[0].username, password: 'x'.repeat(12) })
      .expect(401);
    await t.http().post('/api/v1/auth/activation').send({ token, password: 'short' }).expect(400);
    await t.http().post('/api/v1/auth/activation').send({ token, password: 'Mật khẩu mới 2026' }).expect(204);
    const again = await t
      .http()
      .post('/api/v1/auth/activation')
      .send({ token, password: 'Mật khẩu khác 2026' });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('activation.invalid-token');
    const tokens = await login(t, good[0].username, 'Mật khẩu mới 2026');
    const notifications = async () =>
      (
        (await t.http().get('/api/v1/me/notifications').set(bearer(tokens)).expect(200)).body.items as {
          kind: string;
        }[]
      ).filter((n) => n.kind === NotificationKind.ClassEnrolled).length;
    expect(await waitFor(async () => ((await notifications()) === 1 ? 1 : undefined))).toBe(1);

    const rerun = await importFile(klass.id, bytes);
    expect(rerun).toMatchObject({
      createdUsers: 0,
      enrolled: 0,
      waitlisted: 0,
      alreadyEnrolled: 10,
      errorCount: 3,
    });
    const chainEntries: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE chain = $1 AND type = 'enrollment.added'`,
      [`class:${klass.id}`],
    );
    expect(chainEntries[0].n).toBe(10);
    const history = (
      await t.http().get(`/api/v1/classes/${klass.id}/history`).set(bearer(w.staff)).expect(200)
    ).body as { type: string; subjectCount: number; subjectNames: string[] }[];
    const imported = history.filter((entry) => entry.type === 'enrollment.added');
    expect(imported).toHaveLength(1);
    expect(imported[0].subjectCount).toBe(10);
    expect(imported[0].subjectNames).toHaveLength(3);
    const pending: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'classes.enrollments-activated'
          AND payload->>'classId' = $1`,
      [klass.id],
    );
    expect(pending[0].n).toBe(1);
    expect(await notifications()).toBe(1);
  });

  it('reads UTF-16 text, UTF-8 without BOM with semicolons, and XLSX with numbers and links', async () => {
    const klass = await makeClass(t, w, { capacity: 100 });
    const [a, b, c] = people(unique('enc').replace('-', ''), 3, codeA);
    const tsv = `${HEADER.replace(/,/g, '\t')}\r\n${[a].map(line).join('\r\n').replace(/,/g, '\t')}\r\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    expect((await importFile(klass.id, utf16, 'unicode.txt')).enrolled).toBe(1);
    const semicolons = Buffer.from(`${HEADER.replace(/,/g, ';')}\n${line(b).replace(/,/g, ';')}\n`, 'utf8');
    expect((await importFile(klass.id, semicolons)).enrolled).toBe(1);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Họ và tên', 'Tên đăng nhập', 'Email', 'Mã đơn vị', 'Số điện thoại']);
    sheet.addRow([
      c.fullName,
      c.username,
      { text: `${c.username}@example.vn`, hyperlink: `mailto:${c.username}@example.vn` },
      c.unitCode,
      Number(c.phone),
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await importFile(klass.id, xlsx, 'danh-sach.xlsx')).enrolled).toBe(1);
    const rows: { username: string; full_name: string; phone: string; email: string | null }[] =
      await t.db.query(
        'SELECT username, full_name, phone, email FROM users WHERE username = ANY($1) ORDER BY username',
        [[a.username, b.username, c.username]],
      );
    expect(rows).toEqual([
      { username: a.username, full_name: a.fullName, phone: a.phone, email: null },
      { username: b.username, full_name: b.fullName, phone: b.phone, email: null },
      { username: c.username, full_name: c.fullName, phone: c.phone, email: `${c.username}@example.vn` },
    ]);
  });

  it('refuses unreadable files, missing columns and oversized uploads without storing anything', async () => {
    const klass = await makeClass(t, w);
    const count = async () =>
      (
        (await t.db.query('SELECT count(*)::int AS n FROM enrollment_imports WHERE class_id = $1', [
          klass.id,
        ])) as {
          n: number;
        }[]
      )[0].n;
    const missing = await upload(klass.id, Buffer.from('Họ và tên,Chức vụ\nA,B\n')).expect(400);
    expect(missing.body.code).toBe('import.missing-columns');
    expect(missing.body.detail).toContain('Mã đơn vị');
    const garbage = await upload(klass.id, Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0x2c, 0x0a])).expect(400);
    expect(garbage.body.code).toBe('import.unreadable');
    await upload(klass.id, Buffer.alloc(0)).expect(400);
    const tooLarge = await upload(klass.id, Buffer.alloc(16 * 1024 * 1024, 0x61)).expect(413);
    expect(tooLarge.headers['content-type']).toMatch(/problem\+json/);
    const none = await t.http().post(`/api/v1/classes/${klass.id}/imports`).set(bearer(w.staff)).expect(400);
    expect(none.body.code).toBe('import.file-missing');
    await t
      .http()
      .post(`/api/v1/classes/${klass.id}/imports`)
      .set(bearer(w.auditor))
      .attach('file', csvOf([]), 'x.csv')
      .expect(403);
    expect(await count()).toBe(0);
  });

  it('puts learners beyond capacity on the waitlist in file order, and refuses units outside the target', async () => {
    const klass = await makeClass(t, w, { capacity: 3 });
    const list = people(unique('cap').replace('-', ''), 5, codeA);
    const outside = people(unique('out').replace('-', ''), 1, codeB);
    const result = await importFile(klass.id, csvOf([...list.map(line), ...outside.map(line)]));
    expect(result).toMatchObject({ enrolled: 3, waitlisted: 2, errorCount: 1 });
    expect(result.errors[0]).toMatchObject({ row: 7, error: ImportRowError.UnitOutsideTarget, value: codeB });
    const waiting = await t
      .http()
      .get(`/api/v1/classes/${klass.id}/enrollments`)
      .query({ status: 'waitlisted' })
      .set(bearer(w.staff));
    expect(waiting.body.items.map((e: { username: string }) => e.username)).toEqual([
      list[3].username,
      list[4].username,
    ]);
  });

  it('writes an error report whose formula-looking cells cannot run', async () => {
    const klass = await makeClass(t, w);
    const result = await importFile(
      klass.id,
      csvOf([`${unique('f').replace('-', '')},=cmd|' /C calc'!A0,=HYPERLINK("http://x"),${codeA},,`]),
    );
    expect(result.errorCount).toBe(1);
    const report = await t
      .http()
      .get(`/api/v1/classes/${klass.id}/imports/${result.id}/error-report`)
      .set(bearer(w.auditor))
      .expect(200);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    expect(report.text.startsWith('\uFEFFDòng,')).toBe(true);
    expect(report.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(report.text).toContain(`'=cmd|' /C calc'!A0`);
    expect(report.text).not.toMatch(/,=/);
  });

  describe('when a worker dies mid-import', () => {
    let worker: ChildProcess | null = null;
    afterEach(() => worker?.kill('SIGKILL'));

    const startWorker = () => {
      if (!existsSync(WORKER_MAIN)) throw new Error(`build the worker first: ${WORKER_MAIN} is missing`);
      const child = spawn(process.execPath, [WORKER_MAIN], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: t.config.databaseUrl ?? '',
          REDIS_URL: t.config.redisUrl ?? '',
          REDIS_PREFIX: t.config.redisPrefix,
          JWT_ACCESS_SECRET: t.config.jwtAccessSecret,
          LOG_LEVEL: 'silent',
          OUTBOX_POLL_MS: '50',
          // The killed worker's relay may die holding claimed events: let them go quickly.
          OUTBOX_LEASE_SECONDS: '2',
          JOB_LOCK_MS: '1500',
        },
        stdio: 'ignore',
      });
      worker = child;
      return child;
    };

    it('resumes in a new worker and ends with exactly the rows of a clean run', async () => {
      // This test drives its own worker processes, so the test app runs none.
      const { redisPrefix, jwtAccessSecret } = t.config;
      await t.close();
      t = await startTestApp({
        worker: false,
        env: { REDIS_PREFIX: `${redisPrefix}-killed`, JWT_ACCESS_SECRET: jwtAccessSecret },
      });
      const klass = await makeClass(t, w, { capacity: 10_000 });
      const list = people(unique('k').replace('-', ''), 4000, codeA);
      const queued = (await upload(klass.id, csvOf(list.map(line))).expect(202))
        .body as EnrollmentImportResponse;
      const first = startWorker();
      const progress = async () =>
        (
          (await t.db.query('SELECT processed_rows FROM enrollment_imports WHERE id = $1', [queued.id])) as {
            processed_rows: number;
          }[]
        )[0].processed_rows;
      const seen = await waitFor(async () => {
        const done = await progress();
        return done > 0 ? done : undefined;
      }, 60_000);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      expect(seen).toBeLessThan(list.length);
      expect(await progress()).toBeLessThan(list.length);

      startWorker();
      const result = await finished(klass.id, queued.id, 120_000);
      expect(result).toMatchObject({
        status: 'completed',
        createdUsers: 4000,
        enrolled: 4000,
        errorCount: 0,
      });

      const checksum = (rows: string[]) => createHash('sha256').update(rows.join('\n')).digest('hex');
      const expected = checksum(
        [...list]
          .sort((x, y) => x.username.localeCompare(y.username))
          .map((p) => [p.username, p.fullName, p.unitCode, p.position, p.phone, 'active'].join('|')),
      );
      const actual: { line: string }[] = await t.db.query(
        `SELECT concat_ws('|', u.username, u.full_name, o.code, u.position, u.phone, e.status) AS line
           FROM enrollments e JOIN users u ON u.id = e.user_id JOIN org_units o ON o.id = u.org_unit_id
          WHERE e.class_id = $1 ORDER BY u.username COLLATE "C"`,
        [klass.id],
      );
      expect(checksum(actual.map((row) => row.line))).toBe(expected);
      const ledger: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM ledger_entries WHERE chain = $1 AND type = 'enrollment.added'`,
        [`class:${klass.id}`],
      );
      expect(ledger[0].n).toBe(4000);
      const notified = await waitFor(async () => {
        const [{ n }]: { n: number }[] = await t.db.query(
          `SELECT count(*)::int AS n FROM notifications n JOIN enrollments e ON e.user_id = n.user_id
            WHERE e.class_id = $1 AND n.kind = 'class-enrolled'`,
          [klass.id],
        );
        return n === 4000 ? n : undefined;
      }, 60_000);
      expect(notified).toBe(4000);
    });
  });
});
