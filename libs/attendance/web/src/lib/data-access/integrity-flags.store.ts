import { Injectable, inject } from '@angular/core';
import { IntegrityFlagResponse, IntegrityFlagStatus } from '@thuchoc/integrity/contracts';
import { PagedList } from '@thuchoc/shared/web-core';
import { Observable, tap } from 'rxjs';
import { IntegrityFlagsApi } from './attendance-api';

export interface FlagFilter {
  status: IntegrityFlagStatus | null;
  classId: string | null;
}

/** Integrity flags in the caller's scope, the open ones first by default. */
@Injectable()
export class IntegrityFlagsStore {
  private readonly api = inject(IntegrityFlagsApi);

  readonly list = new PagedList<FlagFilter, IntegrityFlagResponse>(
    ({ filter, page, pageSize }) =>
      this.api.list({
        status: filter.status ?? undefined,
        classId: filter.classId ?? undefined,
        page,
        pageSize,
      }),
    { status: IntegrityFlagStatus.Open, classId: null },
  );

  /** The resolved flag replaces the open one where it stands. */
  resolve(flagId: string, reason: string): Observable<IntegrityFlagResponse> {
    return this.api.resolve(flagId, { reason }).pipe(tap((resolved) => this.list.replace(resolved)));
  }
}
