import { Module } from '@nestjs/common';
import { ClassesApiModule } from '@thuchoc/classes/api';
import { IdentityApiModule } from '@thuchoc/identity/api';
import { IntegrityApiModule } from '@thuchoc/integrity/api';
import { NotificationsApiModule } from '@thuchoc/notifications/api';
import { AttentionChecksService } from './attention/attention-checks.service';
import { CheckInService } from './check-in/check-in.service';
import { CheckInWrites } from './check-in/check-in-writes';
import { ExcusesController } from './excuses/excuses.controller';
import { ExcusesService } from './excuses/excuses.service';
import { MyExcusesController } from './excuses/my-excuses.controller';
import { FinalisationService } from './finalisation/finalisation.service';
import { IntegrityFlagsController } from './flags/integrity-flags.controller';
import { IntegrityFlagsService } from './flags/integrity-flags.service';
import { AttendanceGridService } from './grid/attendance-grid.service';
import { ClassAttendanceController } from './grid/class-attendance.controller';
import { AttendanceJobsProcessor } from './jobs/attendance-jobs.processor';
import { AttendanceSweeper } from './jobs/attendance-sweeper';
import { AttendanceLedger } from './ledger/attendance-ledger';
import { LiveEvents } from './live/live-events';
import { LiveRosterService } from './live/live-roster.service';
import { ManualMarksService } from './marks/manual-marks.service';
import { LessonPresenceController } from './me/lesson-presence.controller';
import { MyAttendanceController } from './me/my-attendance.controller';
import { MyAttendanceService } from './me/my-attendance.service';
import { PresenceService } from './presence/presence.service';
import { presenceStoreProvider } from './presence/presence-store';
import { AttendanceSessionsController } from './sessions/attendance-sessions.controller';
import { SessionAccess } from './sessions/session-access';
import { SessionLifecycleService } from './sessions/session-lifecycle.service';
import { AbsenceWarningsService } from './warnings/absence-warnings.service';

/**
 * Live sessions and the evidence that a learner was there: the session
 * lifecycle, rotating-code check-in, verified presence, attention checks,
 * finalisation, manual marks, excuses, integrity flags and absence warnings.
 */
@Module({
  imports: [IdentityApiModule, IntegrityApiModule, NotificationsApiModule, ClassesApiModule],
  controllers: [
    AttendanceSessionsController,
    ClassAttendanceController,
    MyAttendanceController,
    LessonPresenceController,
    ExcusesController,
    MyExcusesController,
    IntegrityFlagsController,
  ],
  providers: [
    SessionAccess,
    AttendanceLedger,
    IntegrityFlagsService,
    presenceStoreProvider,
    PresenceService,
    LiveEvents,
    LiveRosterService,
    SessionLifecycleService,
    CheckInService,
    CheckInWrites,
    AttentionChecksService,
    FinalisationService,
    ManualMarksService,
    AttendanceGridService,
    MyAttendanceService,
    ExcusesService,
    AbsenceWarningsService,
    AttendanceJobsProcessor,
    AttendanceSweeper,
  ],
})
export class AttendanceApiModule {}
