import { Injectable, computed, inject } from '@angular/core';
import {
  AttendanceGrid,
  AttendancePolicy,
  ManualMarkRequest,
  ManualMarkResponse,
} from '@thuchoc/attendance/contracts';
import { Observable, tap } from 'rxjs';
import { AttendanceSessionsApi, ClassAttendanceApi } from './attendance-api';
import { alignRows, sessionTotals } from './attendance-grid';
import { RemoteValue } from '@thuchoc/shared/web-core';

/** A class's attendance: learners × sessions, manual marks and the class's attendance rules. */
@Injectable()
export class AttendanceGridStore {
  private readonly api = inject(ClassAttendanceApi);
  private readonly sessionsApi = inject(AttendanceSessionsApi);
  private classId: string | null = null;

  readonly grid = new RemoteValue<AttendanceGrid>();
  readonly rows = computed(() => {
    const grid = this.grid.value();
    return grid === null ? [] : alignRows(grid);
  });
  readonly totals = computed(() => {
    const grid = this.grid.value();
    return grid === null ? [] : sessionTotals(grid);
  });

  load(classId: string): void {
    if (this.classId !== classId) this.grid.reset();
    this.classId = classId;
    this.grid.load(this.api.grid(classId));
  }

  /** Marks learners of one session by hand; the grid is fetched again to show the new counts. */
  mark(sessionId: string, request: ManualMarkRequest): Observable<ManualMarkResponse> {
    return this.sessionsApi.mark(sessionId, request).pipe(tap(() => this.load(this.requireId())));
  }

  policy(): Observable<AttendancePolicy> {
    return this.api.policy(this.requireId());
  }

  updatePolicy(policy: AttendancePolicy): Observable<AttendancePolicy> {
    return this.api.updatePolicy(this.requireId(), policy);
  }

  private requireId(): string {
    if (this.classId === null) throw new Error('No class loaded');
    return this.classId;
  }
}
