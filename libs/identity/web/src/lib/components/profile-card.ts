import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { UserResponse } from '@thuchoc/identity/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { RoleBadges } from './role-badges';

/** Who the signed-in user is: name, unit, position and roles. */
@Component({
  selector: 'th-profile-card',
  imports: [MatCardModule, MatIconModule, TranslocoPipe, RoleBadges],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let u = user();
    <mat-card appearance="outlined" data-testid="profile-card">
      <mat-card-header>
        <mat-icon mat-card-avatar svgIcon="person" aria-hidden="true" />
        <mat-card-title>{{ u.fullName }}</mat-card-title>
        <mat-card-subtitle>{{ u.username }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <dl>
          <dt>{{ 'identity.profile.unit' | transloco }}</dt>
          <dd>{{ u.orgUnitName }}</dd>
          <dt>{{ 'identity.profile.position' | transloco }}</dt>
          <dd>{{ u.position || ('common.none' | transloco) }}</dd>
          <dt>{{ 'identity.profile.roles' | transloco }}</dt>
          <dd><th-role-badges [roles]="u.roles" /></dd>
          @if (u.email) {
            <dt>{{ 'identity.profile.email' | transloco }}</dt>
            <dd>{{ u.email }}</dd>
          }
          @if (u.phone) {
            <dt>{{ 'identity.profile.phone' | transloco }}</dt>
            <dd>{{ u.phone }}</dd>
          }
        </dl>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: minmax(96px, max-content) 1fr;
      gap: 8px 16px;
      margin: 8px 0 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    mat-icon[mat-card-avatar] {
      width: 40px;
      height: 40px;
      padding: 8px;
      box-sizing: border-box;
      border-radius: 50%;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
})
export class ProfileCard {
  readonly user = input.required<UserResponse>();
}
