import { Module } from '@nestjs/common';
import { CoursesApiModule } from '@thuchoc/courses/api';
import { IdentityApiModule } from '@thuchoc/identity/api';
import { IntegrityApiModule } from '@thuchoc/integrity/api';
import { NotificationsApiModule } from '@thuchoc/notifications/api';
import { OpeningApprovalsController } from './approvals/opening-approvals.controller';
import { OpeningApprovalsService } from './approvals/opening-approvals.service';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { ClassAccess } from './classes/class-access';
import { ClassOpening } from './classes/class-opening';
import { ClassesController } from './classes/classes.controller';
import { ClassesService } from './classes/classes.service';
import { EnrollmentsController } from './enrollments/enrollments.controller';
import { EnrollmentsService } from './enrollments/enrollments.service';
import { Waitlist } from './enrollments/waitlist';
import { ClassHistoryController } from './history/class-history.controller';
import { ClassHistoryService } from './history/class-history.service';
import { ClassLedger } from './history/class-ledger';
import { EnrollmentImportsController } from './imports/enrollment-imports.controller';
import { EnrollmentImportsService } from './imports/enrollment-imports.service';
import { ClassesJobsProcessor } from './jobs/classes-jobs.processor';
import { MyClassesController } from './me/my-classes.controller';
import { MyClassesService } from './me/my-classes.service';
import { ClassesDemoSeeder } from './seed/classes-demo-seeder';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

/** Classes, their sessions and calendar feeds, enrollment and enrollment imports. */
@Module({
  imports: [IdentityApiModule, IntegrityApiModule, NotificationsApiModule, CoursesApiModule],
  controllers: [
    ClassesController,
    OpeningApprovalsController,
    SessionsController,
    CalendarController,
    EnrollmentsController,
    EnrollmentImportsController,
    ClassHistoryController,
    MyClassesController,
  ],
  providers: [
    ClassAccess,
    ClassLedger,
    Waitlist,
    ClassOpening,
    OpeningApprovalsService,
    ClassesService,
    SessionsService,
    CalendarService,
    EnrollmentsService,
    EnrollmentImportsService,
    ClassHistoryService,
    MyClassesService,
    ClassesJobsProcessor,
    ClassesDemoSeeder,
  ],
  exports: [ClassAccess, EnrollmentsService, SessionsService, ClassesDemoSeeder],
})
export class ClassesApiModule {}
