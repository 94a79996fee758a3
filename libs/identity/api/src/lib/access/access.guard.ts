import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import {
  ACCESS_METADATA,
  AccessRule,
  forbidden,
  HttpRequest,
  notFound,
  unauthorized,
} from '@thuchoc/shared/api-core';
import { isUUID } from 'class-validator';
import { SCOPE_METADATA, ScopeRule } from './access.decorators';
import { AccessTokenClaims, RequestWithPrincipal } from './principal';
import { ScopeService } from './scope.service';
import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

/**
 * The one gate of every HTTP route: the route's declared access rule (none
 * declared → refused), the access token, the roles, then the org-unit scope of
 * the resource the route names (outside scope → 404, so existence never leaks).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly scopes: ScopeService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets);
    if (!rule) throw forbidden('access.undeclared', 'This route declares no access rule.');
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<HttpRequest & RequestWithPrincipal>();
    const claims = await this.verify(request);
    const principal = {
      userId: claims.sub,
      roles: claims.roles,
      scopeUnitId: claims.scp,
      deviceId: claims.dev ?? null,
    };
    request.principal = principal;

    if (rule.kind === 'roles' && !rule.roles.some((role) => principal.roles.includes(role as never))) {
      throw forbidden('access.role-required', 'Your roles do not allow this action.');
    }
    const scope = this.reflector.getAllAndOverride<ScopeRule | undefined>(SCOPE_METADATA, targets);
    if (scope) {
      const id = (request.params as Record<string, string | undefined>)[scope.param];
      const unitId =
        typeof id === 'string' && isUUID(id) ? await this.scopes.resolveUnit(scope.resource, id) : null;
      if (!unitId || !(await this.scopes.isUnitInScope(principal, unitId))) {
        throw notFound(`${scope.resource}.not-found`, `No such ${scope.resource} in your scope.`);
      }
    }
    return true;
  }

  private async verify(request: HttpRequest): Promise<AccessTokenClaims> {
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized('auth.unauthenticated', 'Sign in first.');
    const known = this.verified.get(token, Date.now());
    if (known) return known;
    let claims: VerifiedClaims;
    try {
      claims = await this.jwt.verifyAsync<VerifiedClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorized('auth.token-invalid', 'The access token is invalid or expired.');
    }
    this.verified.remember(token, claims);
    return claims;
  }
}
