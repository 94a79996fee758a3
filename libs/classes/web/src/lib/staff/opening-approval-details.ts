import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { OpeningApprovalResponse } from '@thuchoc/classes/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** Why a class's opening needed approval, who asked and, once decided, who decided and why. */
@Component({
  selector: 'th-opening-approval-details',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = approval();
    <p class="status status-{{ a.status }}" data-testid="approval-status">
      {{ 'classes.approval.statuses.' + a.status | transloco }}
    </p>
    <ul class="exceptions" data-testid="approval-exceptions">
      @for (exception of a.exceptions; track exception) {
        <li>
          {{
            'classes.exceptions.detail.' + exception
              | transloco: { active: a.activeCount, min: a.minSize, outside: a.outsideTargetCount }
          }}
        </li>
      }
    </ul>
    <p class="meta">
      {{
        'classes.approval.requestedBy'
          | transloco: { name: a.requestedBy.fullName, time: (a.requestedAt | date) }
      }}
    </p>
    <p>{{ 'classes.approval.requestReason' | transloco: { reason: a.requestReason } }}</p>
    @if (a.decidedBy; as decider) {
      <p class="meta">
        {{ 'classes.approval.decidedBy' | transloco: { name: decider.fullName, time: (a.decidedAt | date) } }}
      </p>
      @if (a.decisionReason) {
        <p>{{ 'classes.approval.decisionReason' | transloco: { reason: a.decisionReason } }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 4px 0;
    }
    .status {
      font: var(--mat-sys-title-small);
    }
    .status-rejected {
      color: var(--mat-sys-error);
    }
    .exceptions {
      margin: 4px 0;
      padding-inline-start: 20px;
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OpeningApprovalDetails {
  readonly approval = input.required<OpeningApprovalResponse>();
}
