import { SetMetadata } from '@nestjs/common';

/**
 * Every route declares who may call it. A guard denies any route without a
 * declaration, and a test lists the routes to prove none is missing one.
 */
export const ACCESS_METADATA = 'thuchoc:access';

export type AccessRule =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly string[] };

/** Open to anyone, signed in or not. An explicit opt-out of authentication. */
export const PublicRoute = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever their roles. */
export const AuthenticatedRoute = () =>
  SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule);

/** Signed-in users holding at least one of these roles. */
export const RolesRoute = (...roles: string[]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);
