import { Role, TokenPair } from '@thuchoc/identity/contracts';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import {
  bearer,
  login,
  makeUnit,
  makeUser,
  PASSWORD,
  startTestApp,
  TestApp,
  waitFor,
} from './support/test-app';

describe('authentication', () => {
  let t: TestApp;
  let unitId: string;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    unitId = (await makeUnit(t)).id;
  });
  afterAll(() => t.close());

  const refresh = (token: string) => t.http().post('/api/v1/auth/refresh').send({ refreshToken: token });

  it('signs in with the right password and reads /me', async () => {
    const user = await makeUser(t, { orgUnitId: unitId, fullName: 'Đỗ Thị Hạnh' });
    const tokens = await login(t, user.username);
    expect(tokens.expiresIn).toBe(900);
    const me = await t.http().get('/api/v1/me').set(bearer(tokens)).expect(200);
    expect(me.body).toMatchObject({
      id: user.id,
      fullName: 'Đỗ Thị Hạnh',
      roles: [Role.Learner],
      orgUnitId: unitId,
    });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password, an unknown user and a forged token alike', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'nope-nope-nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'nobody-here', password: PASSWORD })
      .expect(401);
    expect(wrong.body.code).toBe('auth.invalid-credentials');
    expect(unknown.body.code).toBe('auth.invalid-credentials');
    const tokens = await login(t, user.username);
    const [head, , signature] = tokens.accessToken.split('.');
    const forgedClaims = Buffer.from(
      JSON.stringify({ sub: user.id, roles: [Role.Admin], scp: unitId }),
    ).toString('base64url');
    const forged = await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${head}.${forgedClaims}.${signature}`)
      .expect(401);
    expect(forged.body.code).toBe('auth.token-invalid');
  });

  it('answers 429 after repeated wrong passwords, even to the right one, with Retry-After', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: `wrong-${i}-password` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    const blocked = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: PASSWORD })
      .expect(429);
    expect(blocked.body.code).toBe('auth.too-many-attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not locked by this one.
    const other = await makeUser(t, { orgUnitId: unitId });
    await login(t, other.username);
  });

  it('rotates refresh tokens', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const first = await login(t, user.username);
    const second = (await refresh(first.refreshToken).expect(200)).body as TokenPair;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http().get('/api/v1/me').set(bearer(second)).expect(200);
    await refresh(second.refreshToken).expect(200);
  });

  it('registers the device key sent at sign-in as a fingerprint that survives refresh', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const deviceKey = 'k'.repeat(20) + '_-Device42';
    const claimsOf = (tokens: TokenPair) =>
      JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString()) as { dev?: string };
    const first = (
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: PASSWORD, deviceKey })
        .expect(200)
    ).body as TokenPair;
    const fingerprint = claimsOf(first).dev;
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.accessToken).not.toContain(deviceKey);
    const second = (await refresh(first.refreshToken).expect(200)).body as TokenPair;
    expect(claimsOf(second).dev).toBe(fingerprint);
    // Without a key the sign-in works and carries no device.
    expect(claimsOf(await login(t, user.username)).dev).toBeUndefined();
    const bad = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: PASSWORD, deviceKey: 'short' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('deviceKey');
  });

  it('revokes the whole family when a used refresh token comes back, and tells the user', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const first = await login(t, user.username);
    const second = (await refresh(first.refreshToken).expect(200)).body as TokenPair;
    const replay = await refresh(first.refreshToken).expect(401);
    expect(replay.body.code).toBe('auth.refresh-reused');
    // The thief's copy and the owner's newer token are both dead now.
    await refresh(second.refreshToken).expect(401);
    const notices = await waitFor(async () => {
      const response = await t.http().get('/api/v1/me/notifications').set(bearer(second)).expect(200);
      const kinds = (response.body.items as { kind: string }[]).map((n) => n.kind);
      return kinds.includes(NotificationKind.SessionsRevoked) ? kinds : undefined;
    });
    expect(notices).toEqual(
      expect.arrayContaining([NotificationKind.SessionsRevoked, NotificationKind.Welcome]),
    );
  });

  it('lets exactly one of two concurrent refreshes win', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const tokens = await login(t, user.username);
    const results = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logs out: the refresh token stops working', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const tokens = await login(t, user.username);
    await t.http().post('/api/v1/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    await refresh(tokens.refreshToken).expect(401);
  });

  it('changes the password, ends other sessions and notifies', async () => {
    const user = await makeUser(t, { orgUnitId: unitId });
    const phone = await login(t, user.username);
    const laptop = await login(t, user.username);
    const wrong = await t
      .http()
      .post('/api/v1/me/password')
      .set(bearer(laptop))
      .send({ currentPassword: 'not-the-password', newPassword: 'Mật-khẩu-mới-2026' })
      .expect(401);
    expect(wrong.body.code).toBe('auth.wrong-password');
    const short = await t
      .http()
      .post('/api/v1/me/password')
      .set(bearer(laptop))
      .send({ currentPassword: PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(short.body.errors[0].field).toBe('newPassword');
    await t
      .http()
      .post('/api/v1/me/password')
      .set(bearer(laptop))
      .send({ currentPassword: PASSWORD, newPassword: 'Mật-khẩu-mới-2026' })
      .expect(204);
    await refresh(phone.refreshToken).expect(401);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: PASSWORD })
      .expect(401);
    const fresh = await login(t, user.username, 'Mật-khẩu-mới-2026');
    await waitFor(async () => {
      const response = await t.http().get('/api/v1/me/notifications').set(bearer(fresh)).expect(200);
      return (response.body.items as { kind: string }[]).some(
        (n) => n.kind === NotificationKind.PasswordChanged,
      )
        ? true
        : undefined;
    });
  });

  it('refuses a deactivated user at sign-in and at refresh', async () => {
    const admin = await makeUser(t, { orgUnitId: unitId, roles: [Role.Admin] });
    const user = await makeUser(t, { orgUnitId: unitId });
    const tokens = await login(t, user.username);
    await t
      .http()
      .post(`/api/v1/users/${user.id}/deactivate`)
      .set(bearer(await login(t, admin.username)))
      .expect(204);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: PASSWORD })
      .expect(401);
    await refresh(tokens.refreshToken).expect(401);
  });
});
