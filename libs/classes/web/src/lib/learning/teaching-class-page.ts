import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { TeachingClassStore } from '../data-access/learning-teaching.store';
import { ClassHeader } from './class-header';
import { EnrollmentStatusBadge } from './enrollment-status';
import { SessionSchedule } from './session-schedule';

/** `/lecturer/classes/:classId`: a class I teach, its schedule and its roster. */
@Component({
  selector: 'th-teaching-class-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    TranslocoPipe,
    ErrorAlert,
    ClassHeader,
    EnrollmentStatusBadge,
    SessionSchedule,
  ],
  providers: [TeachingClassStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './teaching-class-page.html',
  styleUrl: './teaching-class-page.scss',
})
export class TeachingClassPage {
  /** From the route. */
  readonly classId = input.required<string>();

  protected readonly store = inject(TeachingClassStore);
  /** Below 600 px unit and position move under the name, so the table fits a phone. */
  protected readonly isNarrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly columns = computed(() =>
    this.isNarrow() ? ['learner', 'status'] : ['learner', 'unit', 'position', 'status'],
  );

  constructor() {
    effect(() => {
      const classId = this.classId();
      untracked(() => this.store.load(classId));
    });
  }
}
