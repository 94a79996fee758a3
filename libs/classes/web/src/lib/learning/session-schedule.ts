import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ClassSessionResponse } from '@thuchoc/classes/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { buildSchedule } from '../data-access/learning-schedule';
import { DayTime } from './day-time';

/** A class's sessions by day in Vietnam time, the running or next one highlighted. */
@Component({
  selector: 'th-session-schedule',
  imports: [DatePipe, RouterLink, TranslocoPipe, DayTime],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-schedule.html',
  styleUrl: './session-schedule.scss',
})
export class SessionSchedule {
  readonly sessions = input.required<readonly ClassSessionResponse[]>();
  /** The moment the highlight is computed for; the page's opening time unless given. */
  readonly now = input<Date>(new Date());
  /**
   * Where a session's own page lies, relative to the page showing the schedule
   * (the learner's session page, the lecturer's console); titles are plain text without it.
   */
  readonly sessionsPath = input<string | null>(null);

  protected readonly days = computed(() => buildSchedule(this.sessions(), this.now()));
}
