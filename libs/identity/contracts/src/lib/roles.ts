export enum Role {
  Learner = 'learner',
  Lecturer = 'lecturer',
  CentreStaff = 'centre_staff',
  Auditor = 'auditor',
  Admin = 'admin',
}

export const ALL_ROLES: readonly Role[] = [
  Role.Learner,
  Role.Lecturer,
  Role.CentreStaff,
  Role.Auditor,
  Role.Admin,
];

/** Which role's area a user lands in after login, the most powerful first. */
export const HOME_ROLE_ORDER: readonly Role[] = [
  Role.Admin,
  Role.CentreStaff,
  Role.Auditor,
  Role.Lecturer,
  Role.Learner,
];
