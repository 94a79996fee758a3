import { HOME_ROLE_ORDER, Role } from '@thuchoc/identity/contracts';

/** The part of the app a role works in; its home page sits at `/<path>`. */
export interface RoleArea {
  role: Role;
  path: string;
  icon: string;
}

const AREA_PATHS: Readonly<Record<Role, { path: string; icon: string }>> = {
  [Role.Admin]: { path: 'admin', icon: 'account_tree' },
  [Role.CentreStaff]: { path: 'centre', icon: 'school' },
  [Role.Auditor]: { path: 'auditor', icon: 'check_circle' },
  [Role.Lecturer]: { path: 'lecturer', icon: 'group' },
  [Role.Learner]: { path: 'learner', icon: 'person' },
};

/** Every area, in the order a user's home is chosen (most powerful first). */
export const ROLE_AREAS: readonly RoleArea[] = HOME_ROLE_ORDER.map((role) => ({ role, ...AREA_PATHS[role] }));

export function roleArea(role: Role): RoleArea {
  return { role, ...AREA_PATHS[role] };
}

/** Where a user lands after signing in: the area of their first role in `HOME_ROLE_ORDER`. */
export function homeUrlFor(roles: readonly Role[]): string {
  const area = ROLE_AREAS.find((candidate) => roles.includes(candidate.role));
  return area === undefined ? '/profile' : `/${area.path}`;
}
