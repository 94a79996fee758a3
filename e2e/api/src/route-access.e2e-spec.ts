import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, AccessRule } from '@thuchoc/shared/api-core';
import { startTestApp, TestApp } from './support/test-app';

interface RouteInfo {
  route: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every handler the api registers, with its declared access rule. */
function registeredRoutes(t: TestApp): RouteInfo[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  return discovery.getControllers().flatMap((wrapper) => {
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
        handler as never,
        wrapper.metatype as never,
      ]);
      const fullPath = `/${[base, path].filter((part) => part && part !== '/').join('/')}`;
      return [{ route: `${method} ${fullPath}`, method, path: fullPath, rule }];
    });
  });
}

describe('route access declarations', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = registeredRoutes(t);
  });
  afterAll(() => t.close());

  it('finds the routes of every domain module', () => {
    expect(routes.map((route) => route.route)).toEqual(
      expect.arrayContaining([
        'POST /auth/login',
        'GET /me',
        'POST /org-units/:id/merge',
        'GET /users',
        'GET /health/ready',
        'GET /courses/:id',
        'POST /classes/:id/transitions',
        'POST /classes/:id/imports',
        'GET /me/classes/:id',
      ]),
    );
  });

  it('has an explicit access rule on every route', () => {
    const undeclared = routes.filter((route) => route.rule === undefined).map((route) => route.route);
    expect(undeclared).toEqual([]);
  });

  it('keeps public routes to the known few', () => {
    const open = routes
      .filter((route) => route.rule?.kind === 'public')
      .map((route) => route.route)
      .sort();
    expect(open).toEqual([
      'GET /auth/activation/:token',
      'GET /calendar/:file',
      'GET /health',
      'GET /health/ready',
      'POST /auth/activation',
      'POST /auth/login',
      'POST /auth/logout',
      'POST /auth/refresh',
    ]);
  });

  it('answers 401 on every non-public route called without a token', async () => {
    const guarded = routes.filter((route) => route.rule?.kind !== 'public');
    for (const route of guarded) {
      const url = `/api/v1${route.path.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000')}`;
      const response = await t.http()[route.method.toLowerCase() as 'get'](url).send({});
      expect({ route: route.route, status: response.status }).toEqual({ route: route.route, status: 401 });
    }
  });
});
