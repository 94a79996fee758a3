import { Injectable, computed, inject } from '@angular/core';
import {
  CalendarFeedResponse,
  LessonHeartbeatResponse,
  MyClassDetailResponse,
  MyClassResponse,
  OpenClassResponse,
} from '@thuchoc/classes/contracts';
import { Observable, tap } from 'rxjs';
import { LearningApi } from './learning-api';
import { orderModules } from './learning-lessons';
import { RemoteValue } from '@thuchoc/shared/web-core';

/** A learner's classes page: their classes, the open classes they may join, and their calendar feed. */
@Injectable()
export class LearnerClassesStore {
  private readonly api = inject(LearningApi);

  readonly classes = new RemoteValue<MyClassResponse[]>();
  readonly openClasses = new RemoteValue<OpenClassResponse[]>();
  readonly calendar = new RemoteValue<CalendarFeedResponse>();

  load(): void {
    this.classes.load(this.api.myClasses());
    this.openClasses.load(this.api.openClasses());
    this.calendar.load(this.api.calendarFeed());
  }

  /** Asks to join an open class; the class moves from the open list to the learner's own. */
  requestEnrollment(openClass: OpenClassResponse): Observable<MyClassResponse> {
    return this.api.requestEnrollment(openClass.id).pipe(
      tap((mine) => {
        this.classes.update((list) => [mine, ...list.filter((item) => item.classId !== mine.classId)]);
        this.openClasses.update((list) => list.filter((item) => item.id !== openClass.id));
      }),
    );
  }
}

/** One of the learner's classes: header, schedule, lessons; shared by the class page and its lesson pages. */
@Injectable()
export class LearnerClassStore {
  private readonly api = inject(LearningApi);

  readonly detail = new RemoteValue<MyClassDetailResponse>();
  readonly modules = computed(() => orderModules(this.detail.value()?.modules ?? []));

  load(classId: string): void {
    if (this.detail.value()?.class.id !== classId) this.detail.reset();
    this.detail.load(this.api.myClass(classId));
  }

  withdraw(classId: string, reason: string): Observable<MyClassResponse> {
    return this.api
      .withdraw(classId, { reason })
      .pipe(tap((enrollment) => this.detail.update((detail) => ({ ...detail, enrollment }))));
  }

  attachment(classId: string, attachmentId: string): Observable<Blob> {
    return this.api.attachment(classId, attachmentId);
  }

  lessonHeartbeat(lessonId: string): Observable<LessonHeartbeatResponse> {
    return this.api.lessonHeartbeat(lessonId);
  }
}
