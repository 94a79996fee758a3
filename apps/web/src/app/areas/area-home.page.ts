import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Role } from '@thuchoc/identity/contracts';
import { ProfileCard, ScopeUsers, SessionStore } from '@thuchoc/identity/web';
import { NotificationPanel } from '@thuchoc/notifications/web';
import { TranslocoPipe } from '@jsverse/transloco';

interface AreaLink {
  path: string;
  label: string;
  icon: string;
}

/** The pages each role's home leads to; each domain's routes sit under the area. */
const AREA_LINKS: Readonly<Record<Role, readonly AreaLink[]>> = {
  [Role.Admin]: [
    { path: '/admin/org-units', label: 'identity.orgUnits.title', icon: 'account_tree' },
    { path: '/admin/users', label: 'identity.users.title', icon: 'group' },
  ],
  [Role.CentreStaff]: [
    { path: '/centre/courses', label: 'courses.title', icon: 'school' },
    { path: '/centre/classes', label: 'classes.title', icon: 'group' },
    { path: '/centre/approvals', label: 'classes.approvals.title', icon: 'check_circle' },
    { path: '/centre/excuses', label: 'attendance.excuses.title', icon: 'event' },
    { path: '/centre/flags', label: 'attendance.flags.title', icon: 'block' },
  ],
  [Role.Auditor]: [
    { path: '/auditor/classes', label: 'classes.title', icon: 'group' },
    { path: '/auditor/excuses', label: 'attendance.excuses.title', icon: 'event' },
    { path: '/auditor/flags', label: 'attendance.flags.title', icon: 'block' },
  ],
  [Role.Lecturer]: [
    { path: '/lecturer/classes', label: 'learning.myClasses', icon: 'school' },
    { path: '/lecturer/excuses', label: 'attendance.excuses.title', icon: 'event' },
  ],
  [Role.Learner]: [{ path: '/learner/classes', label: 'learning.myClasses', icon: 'school' }],
};

/** Roles whose home lists the users of their scope. */
const SCOPE_OVERSEERS: readonly Role[] = [Role.CentreStaff, Role.Auditor];

/**
 * A role area's home: who you are, your notifications and, for staff and
 * auditors, the people in your scope. Composed here because it joins two
 * domains (identity, notifications) and a feature may not import another.
 */
@Component({
  selector: 'th-area-home-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    RouterLink,
    TranslocoPipe,
    ProfileCard,
    ScopeUsers,
    NotificationPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './area-home.page.html',
  styleUrl: './area-home.page.scss',
})
export class AreaHomePage {
  /** From the route's data. */
  readonly role = input.required<Role>();

  protected readonly me = inject(SessionStore).me;
  protected readonly links = computed(() => AREA_LINKS[this.role()]);
  protected readonly showsScopeUsers = computed(() => SCOPE_OVERSEERS.includes(this.role()));
}
