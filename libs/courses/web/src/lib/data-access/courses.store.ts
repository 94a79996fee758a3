import { Injectable, inject } from '@angular/core';
import {
  CourseAudience,
  CourseResponse,
  CourseSummary,
  CreateCourseRequest,
} from '@thuchoc/courses/contracts';
import { PagedList } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';
import { CoursesApi } from './courses-api';

export interface CourseFilter {
  q: string;
  audience: CourseAudience | null;
}

/** A paged, filtered list of the courses in the caller's scope. */
@Injectable()
export class CoursesStore {
  private readonly api = inject(CoursesApi);
  private readonly list = new PagedList<CourseFilter, CourseSummary>(
    ({ filter, page, pageSize }) =>
      this.api.list({
        q: filter.q.trim() || undefined,
        audience: filter.audience ?? undefined,
        page,
        pageSize,
      }),
    { q: '', audience: null },
  );

  readonly filter = this.list.filter;
  readonly pageIndex = this.list.pageIndex;
  readonly pageSize = this.list.pageSize;
  readonly page = this.list.page;
  readonly isLoading = this.list.isLoading;
  readonly error = this.list.error;

  load(): void {
    this.list.load();
  }

  search(filter: CourseFilter): void {
    this.list.search(filter);
  }

  goToPage(pageIndex: number, pageSize: number): void {
    this.list.goToPage(pageIndex, pageSize);
  }

  /** The page opens the new course's editor next, so the list is not reloaded. */
  create(request: CreateCourseRequest): Observable<CourseResponse> {
    return this.api.create(request);
  }
}
