import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A failed action's message, announced to screen readers. Renders nothing without a message. */
@Component({
  selector: 'th-error-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as text) {
      <p class="error" role="alert">{{ text }}</p>
    }
  `,
  styles: `
    .error {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ErrorAlert {
  readonly message = input<string | null>(null);
}
