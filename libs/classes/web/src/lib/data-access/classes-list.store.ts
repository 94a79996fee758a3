import { Injectable, inject } from '@angular/core';
import { ClassResponse, ClassStatus, ClassSummary, CreateClassRequest } from '@thuchoc/classes/contracts';
import { Observable, tap } from 'rxjs';
import { ClassesApi } from './classes-api';
import { PagedList } from '@thuchoc/shared/web-core';

export interface ClassFilter {
  q: string;
  status: ClassStatus | null;
}

/** The class list page: the classes in the caller's scope, searched and paged, and new ones. */
@Injectable()
export class ClassListStore {
  private readonly api = inject(ClassesApi);

  readonly list = new PagedList<ClassFilter, ClassSummary>(
    ({ filter, page, pageSize }) =>
      this.api.list({ q: filter.q.trim() || undefined, status: filter.status ?? undefined, page, pageSize }),
    { q: '', status: null },
  );

  create(request: CreateClassRequest): Observable<ClassResponse> {
    return this.api.create(request).pipe(tap(() => this.list.load()));
  }
}
