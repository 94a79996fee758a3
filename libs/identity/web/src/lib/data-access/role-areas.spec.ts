import { Role } from '@thuchoc/identity/contracts';
import { homeUrlFor } from './role-areas';

describe('homeUrlFor', () => {
  it('picks the most powerful role first', () => {
    expect(homeUrlFor([Role.Learner, Role.Auditor, Role.Lecturer])).toBe('/auditor');
    expect(homeUrlFor([Role.Learner, Role.Admin])).toBe('/admin');
    expect(homeUrlFor([Role.CentreStaff])).toBe('/centre');
  });

  it('falls back to the profile page for a user without roles', () => {
    expect(homeUrlFor([])).toBe('/profile');
  });
});
