import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SaveState } from '../data-access/answer-sync';

/** The autosave indicator: saving, saved at a time, retrying after a failure, refused. */
@Component({
  selector: 'th-save-indicator',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <span
      class="save state-{{ current.kind }}"
      role="status"
      data-testid="save-state"
      [attr.data-state]="current.kind"
    >
      @switch (current.kind) {
        @case ('saved') {
          {{ 'quizPlayer.save.saved' | transloco: { time: (current.at | date: 'HH:mm:ss' : '+0700') } }}
        }
        @case ('refused') {
          {{ 'quizPlayer.save.refused' | transloco: { reason: refusal() } }}
        }
        @default {
          {{ 'quizPlayer.save.' + current.kind | transloco }}
        }
      }
    </span>
  `,
  styles: `
    .save {
      display: inline-block;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .state-saved {
      color: #1b5e20;
    }
    .state-retrying,
    .state-refused,
    .state-closed {
      color: var(--mat-sys-error);
    }
  `,
})
export class SaveIndicator {
  private readonly problems = inject(ProblemMessages);

  readonly state = input.required<SaveState>();
  protected readonly refusal = computed(() => {
    const state = this.state();
    return state.kind === 'refused' ? this.problems.describe(state.error).message : '';
  });
}
