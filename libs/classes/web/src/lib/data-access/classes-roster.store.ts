import { Injectable, inject } from '@angular/core';
import {
  DecideEnrollmentRequest,
  EnrollLearnerRequest,
  EnrollmentResponse,
  EnrollmentStatus,
} from '@thuchoc/classes/contracts';
import { Observable, tap } from 'rxjs';
import { ClassesApi } from './classes-api';
import { PagedList } from '@thuchoc/shared/web-core';

export interface RosterFilter {
  q: string;
  status: EnrollmentStatus | null;
}

/** A class's enrollments, filtered and paged, and the staff's changes to them. */
@Injectable()
export class ClassRosterStore {
  private readonly api = inject(ClassesApi);
  private classId: string | null = null;

  readonly list = new PagedList<RosterFilter, EnrollmentResponse>(
    ({ filter, page, pageSize }) =>
      this.api.roster(this.requireId(), {
        q: filter.q.trim() || undefined,
        status: filter.status ?? undefined,
        page,
        pageSize,
      }),
    { q: '', status: null },
  );

  load(classId: string): void {
    this.classId = classId;
    this.list.load();
  }

  enroll(request: EnrollLearnerRequest): Observable<EnrollmentResponse> {
    return this.api.enroll(this.requireId(), request).pipe(tap(() => this.list.load()));
  }

  decide(enrollmentId: string, request: DecideEnrollmentRequest): Observable<EnrollmentResponse> {
    return this.api
      .decideEnrollment(this.requireId(), enrollmentId, request)
      .pipe(tap(() => this.list.load()));
  }

  /** The API gives the freed place to the first waitlisted learner, so the whole page is fetched again. */
  withdraw(enrollmentId: string, reason: string): Observable<EnrollmentResponse> {
    return this.api.withdraw(this.requireId(), enrollmentId, { reason }).pipe(tap(() => this.list.load()));
  }

  private requireId(): string {
    if (this.classId === null) throw new Error('No class loaded');
    return this.classId;
  }
}
