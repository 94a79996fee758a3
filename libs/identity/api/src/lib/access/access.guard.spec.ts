import { Controller, ExecutionContext, Get, HttpException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@thuchoc/identity/contracts';
import { PublicRoute } from '@thuchoc/shared/api-core';
import { Authenticated, Roles, ScopedBy } from './access.decorators';
import { AccessGuard } from './access.guard';
import { Principal, RequestWithPrincipal } from './principal';
import { ScopeService } from './scope.service';

@Controller('probe')
class ProbeController {
  @Get('open') @PublicRoute() open() {
    return 'open';
  }
  @Get('undeclared') undeclared() {
    return 'undeclared';
  }
  @Get('me') @Authenticated() me() {
    return 'me';
  }
  @Get('admin') @Roles(Role.Admin) admin() {
    return 'admin';
  }
  @Get(':id') @Authenticated() @ScopedBy('thing') thing() {
    return 'thing';
  }
}

const UNIT_IN_SCOPE = 'unit-a';
const THING_IN_SCOPE = '11111111-1111-4111-8111-111111111111';
const THING_OUTSIDE = '22222222-2222-4222-8222-222222222222';

/** Scope decisions without a database: `unit-a` is the only unit inside the caller's scope. */
class FakeScopes {
  async resolveUnit(_resource: string, id: string) {
    return id === THING_IN_SCOPE ? UNIT_IN_SCOPE : id === THING_OUTSIDE ? 'unit-b' : null;
  }
  async isUnitInScope(_principal: Principal, unitId: string) {
    return unitId === UNIT_IN_SCOPE;
  }
}

describe(AccessGuard.name, () => {
  const jwt = new JwtService({ secret: 's'.repeat(32) });
  const guard = new AccessGuard(new Reflector(), jwt, new FakeScopes() as unknown as ScopeService);
  const token = (roles: Role[]) => jwt.sign({ sub: 'u1', roles, scp: UNIT_IN_SCOPE });

  async function call(
    handler: keyof ProbeController,
    options: { token?: string; params?: Record<string, string> } = {},
  ) {
    const request: RequestWithPrincipal & {
      headers: Record<string, string>;
      params: Record<string, string>;
    } = {
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      params: options.params ?? {},
    };
    const context = {
      getType: () => 'http',
      getHandler: () => ProbeController.prototype[handler],
      getClass: () => ProbeController,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    try {
      await guard.canActivate(context);
      return { status: 200, principal: request.principal };
    } catch (error) {
      return { status: (error as HttpException).getStatus(), code: (error as { code?: string }).code };
    }
  }

  it('lets anyone through a public route', async () => {
    expect((await call('open')).status).toBe(200);
  });

  it('refuses a route that declares no access rule, even to an admin', async () => {
    expect(await call('undeclared', { token: token([Role.Admin]) })).toEqual({
      status: 403,
      code: 'access.undeclared',
    });
  });

  it('asks for sign-in without a token and refuses a bad one', async () => {
    expect(await call('me')).toEqual({ status: 401, code: 'auth.unauthenticated' });
    expect(await call('me', { token: 'not.a.jwt' })).toEqual({ status: 401, code: 'auth.token-invalid' });
    const foreign = new JwtService({ secret: 'x'.repeat(32) }).sign({
      sub: 'u1',
      roles: [Role.Admin],
      scp: 'u',
    });
    expect(await call('me', { token: foreign })).toEqual({ status: 401, code: 'auth.token-invalid' });
  });

  it('puts the caller on the request', async () => {
    const result = await call('me', { token: token([Role.Learner]) });
    expect(result.principal).toEqual({
      userId: 'u1',
      roles: [Role.Learner],
      scopeUnitId: UNIT_IN_SCOPE,
      deviceId: null,
    });
  });

  it('requires one of the declared roles', async () => {
    expect(await call('admin', { token: token([Role.CentreStaff]) })).toEqual({
      status: 403,
      code: 'access.role-required',
    });
    expect((await call('admin', { token: token([Role.Learner, Role.Admin]) })).status).toBe(200);
  });

  it('answers 404 for a resource outside the scope, unknown, or with a malformed id', async () => {
    const learner = token([Role.Learner]);
    expect((await call('thing', { token: learner, params: { id: THING_IN_SCOPE } })).status).toBe(200);
    for (const id of [THING_OUTSIDE, '33333333-3333-4333-8333-333333333333', 'nope']) {
      expect(await call('thing', { token: learner, params: { id } })).toEqual({
        status: 404,
        code: 'thing.not-found',
      });
    }
  });
});
