import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Role } from '@thuchoc/identity/contracts';
import { ProfileCard, ScopeUsers, SessionStore } from '@thuchoc/identity/web';
import { NotificationPanel } from '@thuchoc/notifications/web';
import { TranslocoPipe } from '@jsverse/transloco';

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
  protected readonly isAdmin = computed(() => this.role() === Role.Admin);
  protected readonly showsScopeUsers = computed(() => SCOPE_OVERSEERS.includes(this.role()));
}
