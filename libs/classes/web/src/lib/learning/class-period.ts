import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { calendarDateInstant } from '../data-access/learning-schedule';

/** A class's first and last day, "02/03/2026 – 30/04/2026"; one date for a one-day class; a dash for a day not set yet, one dash for neither. */
@Component({
  selector: 'th-class-period',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let start = startsOn();
    @let end = endsOn();
    @if (start === null && end === null) {
      {{ 'common.none' | transloco }}
    } @else if (start === end) {
      {{ instant(start!) | date: 'dd/MM/yyyy' }}
    } @else {
      {{ start === null ? ('common.none' | transloco) : (instant(start) | date: 'dd/MM/yyyy') }} –
      {{ end === null ? ('common.none' | transloco) : (instant(end) | date: 'dd/MM/yyyy') }}
    }
  `,
})
export class ClassPeriod {
  readonly startsOn = input.required<string | null>();
  readonly endsOn = input.required<string | null>();

  protected readonly instant = calendarDateInstant;
}
