import { Role } from '@thuchoc/identity/contracts';

/** Who changes classes: centre staff (in their subtree) and admins. */
export const STAFF = [Role.CentreStaff, Role.Admin] as const;
/** Who reads them: the staff, and auditors of the propaganda board. */
export const OVERSIGHT = [Role.CentreStaff, Role.Admin, Role.Auditor] as const;
