import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AttendanceEvidence } from '@thuchoc/attendance/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { presenceMinutes, roundPercent } from '../data-access/attendance-grid';

/** What an attendance status rests on: check-in, verified presence, attention checks, a manual mark. */
@Component({
  selector: 'th-attendance-evidence',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let proof = evidence();
    <dl data-testid="attendance-evidence">
      <dt>{{ 'attendance.evidence.checkedInAt' | transloco }}</dt>
      <dd>
        @if (proof.checkedInAt) {
          {{ proof.checkedInAt | date }}
          @if (proof.checkInMethod) {
            · {{ 'attendance.methods.' + proof.checkInMethod | transloco }}
          }
          @if (proof.isLate) {
            <span class="late">{{ 'attendance.evidence.late' | transloco }}</span>
          }
        } @else {
          {{ 'attendance.evidence.notCheckedIn' | transloco }}
        }
      </dd>
      <dt>{{ 'attendance.evidence.presence' | transloco }}</dt>
      <dd>
        @if (percent() === null) {
          {{ 'attendance.evidence.presenceMinutes' | transloco: { minutes: minutes() } }}
        } @else {
          {{ 'attendance.evidence.presencePercent' | transloco: { minutes: minutes(), percent: percent() } }}
        }
      </dd>
      <dt>{{ 'attendance.evidence.checks' | transloco }}</dt>
      <dd>
        {{
          'attendance.evidence.checksValue'
            | transloco: { answered: proof.checksAnswered, missed: proof.checksMissed }
        }}
      </dd>
      @if (proof.device) {
        <dt>{{ 'attendance.evidence.device' | transloco }}</dt>
        <dd class="mono">{{ proof.device }}</dd>
      }
      @if (markedByName()) {
        <dt>{{ 'attendance.evidence.markedBy' | transloco }}</dt>
        <dd>{{ markedByName() }}</dd>
      }
      @if (reason()) {
        <dt>{{ 'attendance.evidence.reason' | transloco }}</dt>
        <dd>{{ reason() }}</dd>
      }
    </dl>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: minmax(96px, max-content) minmax(0, 1fr);
      gap: 4px 12px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .late {
      margin-inline-start: 6px;
      padding: 0 6px;
      border-radius: 8px;
      font: var(--mat-sys-label-small);
      background: #fff0c2;
      color: #5c4300;
    }
    .mono {
      font-family: monospace;
    }
  `,
})
export class AttendanceEvidenceView {
  readonly evidence = input.required<AttendanceEvidence>();
  readonly markedByName = input<string | null>(null);
  readonly reason = input<string | null>(null);

  protected readonly minutes = computed(() => presenceMinutes(this.evidence().presenceSeconds));
  protected readonly percent = computed(() => roundPercent(this.evidence().presencePercent));
}
