import { Injectable } from '@nestjs/common';
import {
  CLASSES_QUEUE,
  ClassesEventType,
  EnrollmentsActivatedPayload,
  ImportRequestedPayload,
} from '@thuchoc/classes/contracts';
import { NotificationsService } from '@thuchoc/notifications/api';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import { EnrollmentImportsService } from '../imports/enrollment-imports.service';

type ClassesJobData = ImportRequestedPayload | EnrollmentsActivatedPayload;

const KIND_BY_VIA: Record<EnrollmentsActivatedPayload['via'], NotificationKind> = {
  enrolled: NotificationKind.ClassEnrolled,
  approved: NotificationKind.ClassRequestApproved,
  promoted: NotificationKind.ClassPromoted,
};

/** Enrollment imports, and the notifications of learners who got a place. Both are safe to run twice. */
@Injectable()
@ProcessorFor(CLASSES_QUEUE)
export class ClassesJobsProcessor implements JobProcessor<ClassesJobData> {
  constructor(
    private readonly imports: EnrollmentImportsService,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(job: JobEnvelope<ClassesJobData>): Promise<void> {
    switch (job.name) {
      case ClassesEventType.ImportRequested:
        await this.imports.run((job.data as ImportRequestedPayload).importId);
        return;
      case ClassesEventType.EnrollmentsActivated: {
        const data = job.data as EnrollmentsActivatedPayload;
        await this.notifications.notifyMany(job.id, data.userIds, KIND_BY_VIA[data.via], {
          classTitle: data.classTitle,
        });
        return;
      }
      default:
        return;
    }
  }
}
