import { OrgUnitKind, Role, TokenPair, UserResponse } from '@thuchoc/identity/contracts';
import {
  bearer,
  login,
  makeUnit,
  makeUser,
  PASSWORD,
  startTestApp,
  TestApp,
  unique,
} from './support/test-app';

describe('users', () => {
  let t: TestApp;
  let provinceId: string;
  let communeA: string;
  let communeB: string;
  let admin: TokenPair;
  let staffA: TokenPair;
  beforeAll(async () => {
    t = await startTestApp();
    provinceId = (await makeUnit(t, { kind: OrgUnitKind.Province })).id;
    communeA = (await makeUnit(t, { parentId: provinceId, name: 'Xã A' })).id;
    communeB = (await makeUnit(t, { parentId: provinceId, name: 'Xã B' })).id;
    admin = await login(t, (await makeUser(t, { orgUnitId: provinceId, roles: [Role.Admin] })).username);
    staffA = await login(t, (await makeUser(t, { orgUnitId: communeA, roles: [Role.CentreStaff] })).username);
  });
  afterAll(() => t.close());

  const newUser = (overrides: object = {}) => ({
    username: unique('hv'),
    fullName: 'Trần Văn Bình',
    orgUnitId: communeA,
    roles: [Role.Learner],
    password: PASSWORD,
    ...overrides,
  });

  it('lets an admin create a user with any role', async () => {
    const body = newUser({
      roles: [Role.Auditor],
      email: 'kiemtra@example.vn',
      position: 'Chuyên viên',
      isPartyMember: true,
    });
    const created = (await t.http().post('/api/v1/users').set(bearer(admin)).send(body).expect(201))
      .body as UserResponse;
    expect(created).toMatchObject({
      username: body.username,
      roles: [Role.Auditor],
      orgUnitName: 'Xã A',
      scopeUnitId: communeA,
      isActive: true,
    });
    await login(t, body.username);
  });

  it('refuses duplicates and bad bodies without writing anything', async () => {
    const body = newUser();
    await t.http().post('/api/v1/users').set(bearer(admin)).send(body).expect(201);
    const duplicate = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...body, username: body.username.toUpperCase() })
      .expect(409);
    expect(duplicate.body.code).toBe('user.username-taken');
    const invalid = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        username: 'a b',
        fullName: '',
        orgUnitId: 'x',
        roles: ['emperor'],
        password: 'short',
        isAdmin: true,
      })
      .expect(400);
    expect((invalid.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'fullName',
      'isAdmin',
      'orgUnitId',
      'password',
      'roles',
      'username',
    ]);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username = 'a b'`);
    expect(count[0].n).toBe(0);
  });

  it('lets centre staff create learners and lecturers in their subtree only', async () => {
    await t
      .http()
      .post('/api/v1/users')
      .set(bearer(staffA))
      .send(newUser({ roles: [Role.Lecturer] }))
      .expect(201);
    const outside = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(staffA))
      .send(newUser({ orgUnitId: communeB }))
      .expect(404);
    expect(outside.body.code).toBe('org-unit.not-found');
    const escalate = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(staffA))
      .send(newUser({ roles: [Role.Admin] }))
      .expect(403);
    expect(escalate.body.code).toBe('user.role-not-grantable');
  });

  it('answers 404 to staff of commune A for a user of commune B, whatever the route', async () => {
    const userB = await makeUser(t, { orgUnitId: communeB });
    for (const call of [
      t.http().get(`/api/v1/users/${userB.id}`),
      t.http().patch(`/api/v1/users/${userB.id}`).send({ fullName: 'Bị đổi tên' }),
      t.http().post(`/api/v1/users/${userB.id}/deactivate`),
    ]) {
      const response = await call.set(bearer(staffA)).expect(404);
      expect(response.body.code).toBe('user.not-found');
    }
    const list = (await t.http().get('/api/v1/users?pageSize=100').set(bearer(staffA)).expect(200)).body;
    expect((list.items as UserResponse[]).every((u) => u.orgUnitId === communeA)).toBe(true);
    expect((list.items as UserResponse[]).some((u) => u.id === userB.id)).toBe(false);
    const unchanged = await t.db.query('SELECT full_name FROM users WHERE id = $1', [userB.id]);
    expect(unchanged[0].full_name).toBe('Nguyễn Văn Thử');
  });

  it('searches names with or without diacritics, and pages', async () => {
    const tag = unique('x').slice(-6);
    for (let i = 0; i < 3; i++)
      await makeUser(t, { orgUnitId: communeB, fullName: `Nguyễn Thị Hường ${tag} ${i}` });
    const folded = (
      await t.http().get(`/api/v1/users?q=nguyen thi huong ${tag}&pageSize=2`).set(bearer(admin)).expect(200)
    ).body;
    expect(folded).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(folded.items).toHaveLength(2);
    const page2 = (
      await t.http().get(`/api/v1/users?q=Hường ${tag}&pageSize=2&page=2`).set(bearer(admin)).expect(200)
    ).body;
    expect(page2.items).toHaveLength(1);
    const bad = await t.http().get('/api/v1/users?pageSize=1000').set(bearer(admin)).expect(400);
    expect(bad.body.errors[0].field).toBe('pageSize');
  });

  it('filters by a unit subtree, and answers 404 for a unit outside the scope', async () => {
    const hamlet = (await makeUnit(t, { parentId: communeB, kind: OrgUnitKind.Cell, name: 'Chi bộ ấp' })).id;
    const inHamlet = await makeUser(t, { orgUnitId: hamlet });
    const inB = await makeUser(t, { orgUnitId: communeB });
    const listed = (
      await t.http().get(`/api/v1/users?orgUnitId=${communeB}&pageSize=100`).set(bearer(admin)).expect(200)
    ).body.items as UserResponse[];
    expect(listed.map((u) => u.id)).toEqual(expect.arrayContaining([inHamlet.id, inB.id]));
    expect(listed.every((u) => [communeB, hamlet].includes(u.orgUnitId))).toBe(true);
    await t.http().get(`/api/v1/users?orgUnitId=${communeB}`).set(bearer(staffA)).expect(404);
  });

  it('edits roles and unit; staff cannot edit an auditor', async () => {
    const learner = await makeUser(t, { orgUnitId: communeA });
    const edited = (
      await t
        .http()
        .patch(`/api/v1/users/${learner.id}`)
        .set(bearer(admin))
        .send({ roles: [Role.Learner, Role.Lecturer], orgUnitId: communeB })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ roles: [Role.Learner, Role.Lecturer], orgUnitId: communeB });
    const auditor = await makeUser(t, { orgUnitId: communeA, roles: [Role.Auditor] });
    const refused = await t
      .http()
      .patch(`/api/v1/users/${auditor.id}`)
      .set(bearer(staffA))
      .send({ fullName: 'X Y' })
      .expect(403);
    expect(refused.body.code).toBe('user.not-manageable');
  });

  it('keeps learners and lecturers out of user administration', async () => {
    const learner = await login(t, (await makeUser(t, { orgUnitId: communeA })).username);
    await t.http().get('/api/v1/users').set(bearer(learner)).expect(403);
    await t.http().post('/api/v1/users').set(bearer(learner)).send(newUser()).expect(403);
  });

  it('deactivates and reactivates', async () => {
    const user = await makeUser(t, { orgUnitId: communeA });
    await t.http().post(`/api/v1/users/${user.id}/deactivate`).set(bearer(staffA)).expect(204);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: PASSWORD })
      .expect(401);
    await t.http().post(`/api/v1/users/${user.id}/activate`).set(bearer(staffA)).expect(204);
    await login(t, user.username);
  });
});
