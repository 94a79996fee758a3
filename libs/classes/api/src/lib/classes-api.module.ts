import { Module } from '@nestjs/common';

/** Classes, their sessions and calendar feeds, enrollment and enrollment imports. */
@Module({})
export class ClassesApiModule {}
