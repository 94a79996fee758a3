import { BreakpointObserver } from '@angular/cdk/layout';
import { debouncedSearch } from '@thuchoc/shared/web-core';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, OnInit, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CourseAudience, CourseResponse } from '@thuchoc/courses/contracts';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { ALL_AUDIENCES } from '../data-access/audiences';
import { CoursesStore } from '../data-access/courses.store';
import { Notices } from '../util/notices';
import { CourseDialog } from './course-dialog';

/** `/centre/courses`: the courses of the caller's scope, searchable, and the way to add one. */
@Component({
  selector: 'th-courses-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [CoursesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './courses-page.html',
  styleUrl: './courses-page.scss',
})
export class CoursesPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(Notices);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);

  protected readonly store = inject(CoursesStore);
  protected readonly search = debouncedSearch((q) => this.store.search({ ...this.store.filter(), q }));
  protected readonly audiences = ALL_AUDIENCES;
  protected readonly columns = ['code', 'title', 'audience', 'hours', 'content', 'updatedAt'];
  /** Cards instead of a table on a phone, where six columns do not fit. */
  protected readonly isNarrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 600px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  ngOnInit(): void {
    this.store.load();
  }

  protected filterByAudience(value: CourseAudience | ''): void {
    this.store.search({ ...this.store.filter(), audience: value === '' ? null : value });
  }

  protected changePage(event: PageEvent): void {
    this.store.goToPage(event.pageIndex, event.pageSize);
  }

  protected openCreateDialog(): void {
    this.dialog
      .open<CourseDialog, undefined, CourseResponse>(CourseDialog, {
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((course) => {
        if (course === undefined) return;
        // A new course is empty: open its editor to add modules and lessons.
        this.notices.show('courses.created', { title: course.title });
        void this.router.navigate([course.id], { relativeTo: this.route });
      });
  }
}
