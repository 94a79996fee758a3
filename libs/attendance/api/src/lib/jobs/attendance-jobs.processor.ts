import { Injectable } from '@nestjs/common';
import {
  AbsencesChangedPayload,
  ATTENDANCE_QUEUE,
  AttendanceEventType,
  SessionClosedPayload,
} from '@thuchoc/attendance/contracts';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import { FinalisationService } from '../finalisation/finalisation.service';
import { AbsenceWarningsService } from '../warnings/absence-warnings.service';

type AttendanceJobData = SessionClosedPayload | AbsencesChangedPayload;

/** Finalisation of closed sessions and the absence warnings it makes due. Both are safe to run twice. */
@Injectable()
@ProcessorFor(ATTENDANCE_QUEUE)
export class AttendanceJobsProcessor implements JobProcessor<AttendanceJobData> {
  constructor(
    private readonly finalisation: FinalisationService,
    private readonly warnings: AbsenceWarningsService,
  ) {}

  async handle(job: JobEnvelope<AttendanceJobData>): Promise<void> {
    switch (job.name) {
      case AttendanceEventType.SessionClosed:
        await this.finalisation.finalise(job.id, (job.data as SessionClosedPayload).sessionId);
        return;
      case AttendanceEventType.AbsencesChanged: {
        const data = job.data as AbsencesChangedPayload;
        await this.warnings.sendDue(job.id, data.classId, data.userIds);
        return;
      }
      default:
        return;
    }
  }
}
