import {
  OrgUnitEventType,
  OrgUnitHistoryEntry,
  OrgUnitKind,
  OrgUnitResponse,
  Role,
  TokenPair,
} from '@thuchoc/identity/contracts';
import { bearer, login, makeUnit, makeUser, startTestApp, TestApp } from './support/test-app';

describe('org units', () => {
  let t: TestApp;
  let province: OrgUnitResponse;
  let admin: TokenPair;
  beforeAll(async () => {
    t = await startTestApp();
    province = (await makeUnit(t, {
      name: 'Tỉnh Thử nghiệm',
      kind: OrgUnitKind.Province,
    })) as unknown as OrgUnitResponse;
    admin = await login(t, (await makeUser(t, { orgUnitId: province.id, roles: [Role.Admin] })).username);
  });
  afterAll(() => t.close());

  const create = (body: object) => t.http().post('/api/v1/org-units').set(bearer(admin)).send(body);
  const createUnit = async (name: string, parentId: string | null, kind = OrgUnitKind.Commune) =>
    (await create({ code: `C${Math.random().toString(36).slice(2, 10)}`, name, kind, parentId }).expect(201))
      .body as OrgUnitResponse;
  const history = async (id: string) =>
    (await t.http().get(`/api/v1/org-units/${id}/history`).set(bearer(admin)).expect(200))
      .body as OrgUnitHistoryEntry[];

  it('creates units at any depth', async () => {
    const district = await createUnit('Huyện Cũ', province.id, OrgUnitKind.District);
    const commune = await createUnit('Xã Một', district.id);
    const cell = await createUnit('Chi bộ Ấp 1', commune.id, OrgUnitKind.Cell);
    const subCell = await createUnit('Tổ Đảng 1', cell.id, OrgUnitKind.Other);
    expect([district.depth, commune.depth, cell.depth, subCell.depth]).toEqual([1, 2, 3, 4]);
    expect(subCell.parentId).toBe(cell.id);
  });

  it('refuses a duplicate code with 409 and a bad body with field errors, writing nothing', async () => {
    const code = `DUP${Date.now()}`;
    await create({ code, name: 'Một', kind: OrgUnitKind.Ward, parentId: province.id }).expect(201);
    const duplicate = await create({
      code: code.toLowerCase(),
      name: 'Hai',
      kind: OrgUnitKind.Ward,
      parentId: province.id,
    }).expect(409);
    expect(duplicate.body.code).toBe('org-unit.code-taken');
    const invalid = await create({ code: 'has space', name: '', kind: 'galaxy' }).expect(400);
    expect((invalid.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'code',
      'kind',
      'name',
    ]);
    const unknownParent = await create({
      code: 'NEW-1',
      name: 'X',
      kind: OrgUnitKind.Ward,
      parentId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(unknownParent.body.errors[0].field).toBe('parentId');
    const rows = await t.db.query(`SELECT 1 FROM org_units WHERE code IN ('has space', 'NEW-1')`);
    expect(rows).toHaveLength(0);
  });

  it('renames a unit and keeps the old name in its history', async () => {
    const ward = await createUnit('Phường Tân Phú', province.id);
    await t
      .http()
      .patch(`/api/v1/org-units/${ward.id}`)
      .set(bearer(admin))
      .send({ name: 'Phường Tân Đồng', reason: 'Đổi tên' })
      .expect(200);
    const [renamed] = await history(ward.id);
    expect(renamed).toMatchObject({
      type: OrgUnitEventType.Renamed,
      nameBefore: 'Phường Tân Phú',
      nameAfter: 'Phường Tân Đồng',
      reason: 'Đổi tên',
    });
  });

  it('moves a subtree, and refuses to move a unit under its own descendant', async () => {
    const district = await createUnit('Huyện Bù Gia Mập', province.id, OrgUnitKind.District);
    const commune = await createUnit('Xã Phú Nghĩa', district.id);
    const cell = await createUnit('Chi bộ Thôn 2', commune.id, OrgUnitKind.Cell);
    const into = await t
      .http()
      .post(`/api/v1/org-units/${district.id}/move`)
      .set(bearer(admin))
      .send({ parentId: cell.id })
      .expect(400);
    expect(into.body.code).toBe('org-unit.move-into-own-subtree');
    // The district tier is gone: the commune moves straight under the province.
    const moved = await t
      .http()
      .post(`/api/v1/org-units/${commune.id}/move`)
      .set(bearer(admin))
      .send({ parentId: province.id })
      .expect(201);
    expect(moved.body).toMatchObject({ parentId: province.id, depth: 1 });
    const cellNow = (await t.http().get(`/api/v1/org-units/${cell.id}`).set(bearer(admin)).expect(200))
      .body as OrgUnitResponse;
    expect(cellNow.depth).toBe(2);
    // Staff scoped to the province still see the moved cell; staff scoped to the old district do not.
    const districtStaff = await login(
      t,
      (await makeUser(t, { orgUnitId: district.id, roles: [Role.CentreStaff] })).username,
    );
    await t.http().get(`/api/v1/org-units/${cell.id}`).set(bearer(districtStaff)).expect(404);
  });

  it('merges two communes: people and children move, both names stay in history', async () => {
    const a = await createUnit('Xã Tiến Hưng', province.id);
    const b = await createUnit('Xã Tiến Thành', province.id);
    const hamlet = await createUnit('Chi bộ Ấp 3', a.id, OrgUnitKind.Cell);
    const learner = await makeUser(t, { orgUnitId: a.id });
    const staffOfA = await makeUser(t, { orgUnitId: a.id, roles: [Role.CentreStaff] });
    const noReason = await t
      .http()
      .post(`/api/v1/org-units/${a.id}/merge`)
      .set(bearer(admin))
      .send({ targetId: b.id })
      .expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');

    const merged = await t
      .http()
      .post(`/api/v1/org-units/${a.id}/merge`)
      .set(bearer(admin))
      .send({ targetId: b.id, reason: 'Sắp xếp đơn vị hành chính cấp xã 2025' })
      .expect(201);
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: b.id, name: 'Xã Tiến Hưng' });

    const [absorbed] = await history(b.id);
    expect(absorbed).toMatchObject({
      type: OrgUnitEventType.Absorbed,
      otherUnitId: a.id,
      otherUnitName: 'Xã Tiến Hưng',
      nameBefore: 'Xã Tiến Thành',
    });
    const [mergedInto] = await history(a.id);
    expect(mergedInto).toMatchObject({
      type: OrgUnitEventType.MergedInto,
      otherUnitId: b.id,
      otherUnitName: 'Xã Tiến Thành',
    });

    const user = (await t.http().get(`/api/v1/users/${learner.id}`).set(bearer(admin)).expect(200)).body;
    expect(user.orgUnitId).toBe(b.id);
    const staff = (await t.http().get(`/api/v1/users/${staffOfA.id}`).set(bearer(admin)).expect(200)).body;
    expect(staff.scopeUnitId).toBe(b.id);
    const hamletNow = (await t.http().get(`/api/v1/org-units/${hamlet.id}`).set(bearer(admin)).expect(200))
      .body;
    expect(hamletNow.parentId).toBe(b.id);

    const again = await t
      .http()
      .post(`/api/v1/org-units/${a.id}/merge`)
      .set(bearer(admin))
      .send({ targetId: b.id, reason: 'lần hai' })
      .expect(409);
    expect(again.body.code).toBe('org-unit.merged');
    const intoMerged = await t
      .http()
      .post(`/api/v1/org-units/${b.id}/merge`)
      .set(bearer(admin))
      .send({ targetId: a.id, reason: 'ngược lại' })
      .expect(400);
    expect(intoMerged.body.code).toBe('org-unit.merged');
    const outbox = await t.db.query(
      `SELECT payload FROM outbox_events WHERE type = 'identity.org-unit-merged' AND payload->>'sourceId' = $1`,
      [a.id],
    );
    expect(outbox).toHaveLength(1);
  });

  it('lets only admins change the tree', async () => {
    const staff = await login(
      t,
      (await makeUser(t, { orgUnitId: province.id, roles: [Role.CentreStaff] })).username,
    );
    const refused = await t
      .http()
      .post('/api/v1/org-units')
      .set(bearer(staff))
      .send({ code: 'X1', name: 'X', kind: OrgUnitKind.Ward })
      .expect(403);
    expect(refused.body.code).toBe('access.role-required');
  });

  it('shows a scoped user only their subtree, and 404 outside it', async () => {
    const communeA = await createUnit('Xã An Khương', province.id);
    const cellA = await createUnit('Chi bộ An Khương 1', communeA.id, OrgUnitKind.Cell);
    const communeB = await createUnit('Xã Thanh Lương', province.id);
    const staffA = await login(
      t,
      (await makeUser(t, { orgUnitId: communeA.id, roles: [Role.CentreStaff] })).username,
    );
    const list = (await t.http().get('/api/v1/org-units').set(bearer(staffA)).expect(200))
      .body as OrgUnitResponse[];
    expect(list.map((u) => u.id).sort()).toEqual([communeA.id, cellA.id].sort());
    const outside = await t.http().get(`/api/v1/org-units/${communeB.id}`).set(bearer(staffA)).expect(404);
    expect(outside.body.code).toBe('org-unit.not-found');
    await t.http().get(`/api/v1/org-units/${communeB.id}/history`).set(bearer(staffA)).expect(404);
    // Unknown and malformed ids look exactly the same as out-of-scope ones.
    await t
      .http()
      .get('/api/v1/org-units/00000000-0000-4000-8000-000000000000')
      .set(bearer(staffA))
      .expect(404);
    await t.http().get('/api/v1/org-units/not-a-uuid').set(bearer(staffA)).expect(404);
  });
});
