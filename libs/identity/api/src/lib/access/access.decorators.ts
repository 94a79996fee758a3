import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { AuthenticatedRoute, RolesRoute } from '@thuchoc/shared/api-core';
import { Role } from '@thuchoc/identity/contracts';

/** Signed-in users holding at least one of these roles. */
export const Roles = (...roles: Role[]) => applyDecorators(RolesRoute(...roles), ApiBearerAuth());

/** Any signed-in user. */
export const Authenticated = () => applyDecorators(AuthenticatedRoute(), ApiBearerAuth());

export const SCOPE_METADATA = 'thuchoc:scope';

export interface ScopeRule {
  /** A resource kind with a registered ScopeResolver, e.g. `org-unit`, `user`. */
  resource: string;
  /** The route parameter holding the resource id. */
  param: string;
}

/**
 * The route acts on one resource whose org unit must lie in the caller's
 * subtree; otherwise (or if it does not exist) the route answers 404.
 */
export const ScopedBy = (resource: string, param = 'id') =>
  SetMetadata(SCOPE_METADATA, { resource, param } satisfies ScopeRule);
