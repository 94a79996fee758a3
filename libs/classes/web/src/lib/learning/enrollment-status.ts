import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { EnrollmentStatus } from '@thuchoc/classes/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** An enrollment's status as a badge; a waitlisted one shows its place in the queue. */
@Component({
  selector: 'th-enrollment-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="badge" data-testid="enrollment-status" [attr.data-status]="status()">
      @if (status() === waitlisted && waitlistPosition() !== null) {
        {{ 'learning.waitlistPosition' | transloco: { position: waitlistPosition() } }}
      } @else {
        {{ 'learning.enrollmentStatus.' + status() | transloco }}
      }
    </span>
  `,
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    [data-status='active'],
    [data-status='completed'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    [data-status='pending'],
    [data-status='waitlisted'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    [data-status='rejected'],
    [data-status='failed'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class EnrollmentStatusBadge {
  readonly status = input.required<EnrollmentStatus>();
  readonly waitlistPosition = input<number | null>(null);

  protected readonly waitlisted = EnrollmentStatus.Waitlisted;
}
