import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  CourseAudience,
  CourseListQuery,
  CourseResponse,
  CourseSummary,
  CreateCourseRequest,
} from '@thuchoc/courses/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, Subject, catchError, of, switchMap, tap } from 'rxjs';
import { CoursesApi } from './courses-api';

export const DEFAULT_PAGE_SIZE = 20;

export interface CourseFilter {
  q: string;
  audience: CourseAudience | null;
}

/** A paged, filtered list of the courses in the caller's scope. */
@Injectable()
export class CoursesStore {
  private readonly api = inject(CoursesApi);
  private readonly problems = inject(ProblemMessages);
  private readonly requests = new Subject<CourseListQuery>();

  readonly filter = signal<CourseFilter>({ q: '', audience: null });
  readonly pageIndex = signal(0);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly page = signal<Page<CourseSummary> | null>(null);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);

  constructor() {
    // switchMap: a newer search replaces one still on the wire.
    this.requests
      .pipe(
        tap(() => {
          this.isLoading.set(true);
          this.error.set(null);
        }),
        switchMap((query) =>
          this.api.list(query).pipe(
            catchError((error: unknown) => {
              this.error.set(this.problems.describe(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((page) => {
        if (page !== null) this.page.set(page);
        this.isLoading.set(false);
      });
  }

  load(): void {
    const filter = this.filter();
    this.requests.next({
      q: filter.q.trim() || undefined,
      audience: filter.audience ?? undefined,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    });
  }

  search(filter: CourseFilter): void {
    this.filter.set(filter);
    this.pageIndex.set(0);
    this.load();
  }

  goToPage(pageIndex: number, pageSize: number): void {
    this.pageIndex.set(pageIndex);
    this.pageSize.set(pageSize);
    this.load();
  }

  /** The page opens the new course's editor next, so the list is not reloaded. */
  create(request: CreateCourseRequest): Observable<CourseResponse> {
    return this.api.create(request);
  }
}
