import { Injectable, inject } from '@angular/core';
import { HttpResponse } from '@angular/common/http';
import { MyAttendanceHistory } from '@thuchoc/attendance/contracts';
import { Observable } from 'rxjs';
import { MyAttendanceApi } from './attendance-api';
import { RemoteValue } from '@thuchoc/shared/web-core';

/** A learner's attendance in one class: each session's status and evidence, and their absences. */
@Injectable()
export class AttendanceHistoryStore {
  private readonly api = inject(MyAttendanceApi);

  readonly history = new RemoteValue<MyAttendanceHistory>();

  load(classId: string): void {
    if (this.history.value()?.classId !== classId) this.history.reset();
    this.history.load(this.api.history(classId));
  }

  excuseAttachment(excuseId: string): Observable<HttpResponse<Blob>> {
    return this.api.excuseAttachment(excuseId);
  }
}
