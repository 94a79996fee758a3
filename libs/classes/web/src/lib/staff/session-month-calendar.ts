import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { ClassSessionResponse } from '@thuchoc/classes/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CalendarMonth, buildMonthGrid, monthOfKey, shiftMonth } from '../data-access/classes-calendar';
import { formatVietnamDay } from '../data-access/classes-time';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A month grid with each session on the Vietnam day it starts; staff add a session by a day's number. */
@Component({
  selector: 'th-session-month-calendar',
  imports: [DatePipe, MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-month-calendar.html',
  styleUrl: './session-month-calendar.scss',
})
export class SessionMonthCalendar {
  readonly sessions = input.required<readonly ClassSessionResponse[]>();
  readonly month = input.required<CalendarMonth>();
  /** `YYYY-MM-DD` of today in Vietnam. */
  readonly todayKey = input.required<string>();
  readonly canEdit = input(false);

  readonly monthChange = output<CalendarMonth>();
  readonly sessionSelected = output<ClassSessionResponse>();
  /** A day's `YYYY-MM-DD`, to add a session on it. */
  readonly addOnDay = output<string>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly weeks = computed(() => buildMonthGrid(this.month(), this.sessions(), this.todayKey()));
  protected readonly day = formatVietnamDay;

  protected shift(delta: number): void {
    this.monthChange.emit(shiftMonth(this.month(), delta));
  }

  protected goToToday(): void {
    this.monthChange.emit(monthOfKey(this.todayKey()));
  }
}
