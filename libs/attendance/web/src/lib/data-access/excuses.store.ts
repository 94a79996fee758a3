import { HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ExcuseDecisionRequest, ExcuseResponse, ExcuseStatus } from '@thuchoc/attendance/contracts';
import { PagedList } from '@thuchoc/shared/web-core';
import { Observable, tap } from 'rxjs';
import { ExcusesApi } from './attendance-api';

export interface ExcuseFilter {
  status: ExcuseStatus | null;
  classId: string | null;
}

/** The excuse queue: learners' excuses in the caller's scope, the waiting ones first by default. */
@Injectable()
export class ExcusesStore {
  private readonly api = inject(ExcusesApi);

  readonly list = new PagedList<ExcuseFilter, ExcuseResponse>(
    ({ filter, page, pageSize }) =>
      this.api.list({
        status: filter.status ?? undefined,
        classId: filter.classId ?? undefined,
        page,
        pageSize,
      }),
    { status: ExcuseStatus.Pending, classId: null },
  );

  /** The decided excuse replaces the waiting one where it stands, so the page does not jump. */
  decide(excuseId: string, request: ExcuseDecisionRequest): Observable<ExcuseResponse> {
    return this.api.decide(excuseId, request).pipe(tap((decided) => this.list.replace(decided)));
  }

  attachment(excuseId: string): Observable<HttpResponse<Blob>> {
    return this.api.attachment(excuseId);
  }
}
