import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Role } from '@thuchoc/identity/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** A user's roles as small labels. */
@Component({
  selector: 'th-role-badges',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (role of roles(); track role) {
      <span class="badge">{{ 'identity.roles.' + role | transloco }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .badge {
      padding: 2px 8px;
      border-radius: 12px;
      font-size: 0.8125rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class RoleBadges {
  readonly roles = input.required<readonly Role[]>();
}
