import { DynamicModule, Module } from '@nestjs/common';
import { AssessmentsApiModule } from '@thuchoc/assessments/api';
import { AttendanceApiModule } from '@thuchoc/attendance/api';
import { ClassesApiModule } from '@thuchoc/classes/api';
import { CoursesApiModule } from '@thuchoc/courses/api';
import { IdentityApiModule } from '@thuchoc/identity/api';
import { IntegrityApiModule } from '@thuchoc/integrity/api';
import { NotificationsApiModule } from '@thuchoc/notifications/api';
import { AppConfig, HealthModule, PlatformModule } from '@thuchoc/shared/api-core';

/** Every domain module, in dependency order. The worker runs the same set without HTTP. */
export const DOMAIN_MODULES = [
  IdentityApiModule,
  IntegrityApiModule,
  NotificationsApiModule,
  CoursesApiModule,
  ClassesApiModule,
  AttendanceApiModule,
  AssessmentsApiModule,
];

/**
 * The HTTP api (bootstrap.ts serves the web app beside it). In embedded mode it
 * also runs the job processors, so one process serves everything.
 */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, { runConsumers: config.isEmbedded }),
        HealthModule,
        ...DOMAIN_MODULES,
      ],
    };
  }
}

/** The worker: queue processors and the outbox relay, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config, { runConsumers: true }), ...DOMAIN_MODULES],
    };
  }
}
