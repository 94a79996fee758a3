import { Injectable, inject, signal } from '@angular/core';
import { ClassSessionResponse, CreateSessionRequest, UpdateSessionRequest } from '@thuchoc/classes/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, OperatorFunction, map, switchMap, tap } from 'rxjs';
import { ClassesApi } from './classes-api';

/** A class's schedule: its sessions, their changes and the class's iCal feed. */
@Injectable()
export class ClassSessionsStore {
  private readonly api = inject(ClassesApi);
  private readonly problems = inject(ProblemMessages);
  private classId: string | null = null;

  readonly sessions = signal<ClassSessionResponse[] | null>(null);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);
  /** Absolute URL of the class's iCal feed, once fetched. */
  readonly calendarUrl = signal<string | null>(null);
  readonly calendarError = signal<ErrorView | null>(null);

  load(classId: string): void {
    this.classId = classId;
    this.isLoading.set(true);
    this.error.set(null);
    this.api.sessions(classId).subscribe({
      next: (sessions) => {
        this.sessions.set(sortByStart(sessions));
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error));
        this.isLoading.set(false);
      },
    });
  }

  loadCalendar(classId: string): void {
    this.calendarError.set(null);
    this.api.calendar(classId).subscribe({
      next: (feed) => this.calendarUrl.set(feed.url),
      error: (error: unknown) => this.calendarError.set(this.problems.describe(error)),
    });
  }

  create(request: CreateSessionRequest): Observable<ClassSessionResponse> {
    return this.api.createSession(this.requireId(), request).pipe(this.afterChange());
  }

  update(sessionId: string, request: UpdateSessionRequest): Observable<ClassSessionResponse> {
    return this.api.updateSession(this.requireId(), sessionId, request).pipe(this.afterChange());
  }

  delete(sessionId: string): Observable<void> {
    return this.api
      .deleteSession(this.requireId(), sessionId)
      .pipe(
        tap(() => this.sessions.update((sessions) => sessions?.filter((s) => s.id !== sessionId) ?? null)),
      );
  }

  /** After a change: the whole schedule again, so the list and the calendar stay in step with the server. */
  private afterChange<T>(): OperatorFunction<T, T> {
    return (source) =>
      source.pipe(
        switchMap((changed) =>
          this.api.sessions(this.requireId()).pipe(
            tap((sessions) => this.sessions.set(sortByStart(sessions))),
            map(() => changed),
          ),
        ),
      );
  }

  private requireId(): string {
    if (this.classId === null) throw new Error('No class loaded');
    return this.classId;
  }
}

function sortByStart(sessions: ClassSessionResponse[]): ClassSessionResponse[] {
  return [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
