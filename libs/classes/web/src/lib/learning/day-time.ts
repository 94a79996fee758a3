import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { vietnamWeekday } from '../data-access/learning-schedule';

/** An instant as a Vietnamese reader expects it: "Thứ Hai, 02/03/2026 lúc 08:00", in Vietnam time. */
@Component({
  selector: 'th-day-time',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let weekday = 'learning.weekdays.' + weekdayNumber() | transloco;
    <time [attr.datetime]="at()">{{
      withTime()
        ? ('learning.dayTime'
          | transloco: { weekday, date: (at() | date: 'dd/MM/yyyy'), time: (at() | date: 'HH:mm') })
        : ('learning.day' | transloco: { weekday, date: (at() | date: 'dd/MM/yyyy') })
    }}</time>
  `,
})
export class DayTime {
  readonly at = input.required<string>();
  readonly withTime = input(true);

  protected readonly weekdayNumber = computed(() => vietnamWeekday(this.at()));
}
