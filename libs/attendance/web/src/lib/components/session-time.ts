import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** When a session takes place, in Vietnam time: "02/03/2026, 08:00–10:00". */
@Component({
  selector: 'th-session-time',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<time [attr.datetime]="startsAt()">{{
    'attendance.session.when'
      | transloco
        : {
            date: startsAt() | date: 'dd/MM/yyyy',
            from: startsAt() | date: 'HH:mm',
            to: endsAt() | date: 'HH:mm',
          }
  }}</time>`,
})
export class SessionTime {
  readonly startsAt = input.required<string>();
  readonly endsAt = input.required<string>();
}
