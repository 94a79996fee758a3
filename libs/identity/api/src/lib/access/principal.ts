import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from '@thuchoc/identity/contracts';

/** The signed-in caller, as carried by the access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** Root of the subtree the caller may act on. */
  scopeUnitId: string;
  /** Fingerprint of the device key registered at sign-in, when the client registered one. */
  deviceId: string | null;
}

export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  scp: string;
  /** Device fingerprint (see Principal.deviceId). */
  dev?: string;
}

export const isAdmin = (principal: Principal) => principal.roles.includes(Role.Admin);

export type RequestWithPrincipal = { principal?: Principal };

/** Injects the caller into a handler; only on routes that require sign-in. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
