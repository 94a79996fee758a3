import { Injectable, computed, inject, signal } from '@angular/core';
import {
  CourseModuleResponse,
  CourseResponse,
  LessonAttachment,
  LessonResponse,
  UpdateCourseRequest,
  UpdateLessonRequest,
} from '@thuchoc/courses/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, Subscription, tap } from 'rxjs';
import { CoursesApi } from './courses-api';
import { sortedOutline } from './course-outline';

/**
 * One course being edited. Every change answers with the whole course, which
 * replaces the one held here, so the page always shows what the server stored.
 */
@Injectable()
export class CourseEditorStore {
  private readonly api = inject(CoursesApi);
  private readonly problems = inject(ProblemMessages);
  private loading: Subscription | null = null;

  readonly course = signal<CourseResponse | null>(null);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);

  /** Modules and their lessons in position order. */
  readonly modules = computed<CourseModuleResponse[]>(() => sortedOutline(this.course()?.modules ?? []));

  load(id: string): void {
    this.loading?.unsubscribe();
    this.isLoading.set(true);
    this.error.set(null);
    this.loading = this.api.get(id).subscribe({
      next: (course) => {
        this.course.set(course);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error));
        this.isLoading.set(false);
      },
    });
  }

  lesson(lessonId: string): LessonResponse | null {
    for (const module of this.modules()) {
      const lesson = module.lessons.find((candidate) => candidate.id === lessonId);
      if (lesson !== undefined) return lesson;
    }
    return null;
  }

  update(request: UpdateCourseRequest): Observable<CourseResponse> {
    return this.change((id) => this.api.update(id, request));
  }

  addModule(title: string): Observable<CourseResponse> {
    return this.change((id) => this.api.addModule(id, { title }));
  }

  renameModule(moduleId: string, title: string): Observable<CourseResponse> {
    return this.change((id) => this.api.updateModule(id, moduleId, { title }));
  }

  /** `position` is 1-based among the course's modules. */
  moveModule(moduleId: string, position: number): Observable<CourseResponse> {
    return this.change((id) => this.api.updateModule(id, moduleId, { position }));
  }

  deleteModule(moduleId: string): Observable<CourseResponse> {
    return this.change((id) => this.api.deleteModule(id, moduleId));
  }

  addLesson(moduleId: string, title: string): Observable<CourseResponse> {
    return this.change((id) => this.api.addLesson(id, moduleId, { title }));
  }

  updateLesson(lessonId: string, request: UpdateLessonRequest): Observable<CourseResponse> {
    return this.change((id) => this.api.updateLesson(id, lessonId, request));
  }

  deleteLesson(lessonId: string): Observable<CourseResponse> {
    return this.change((id) => this.api.deleteLesson(id, lessonId));
  }

  uploadAttachment(lessonId: string, file: File): Observable<CourseResponse> {
    return this.change((id) => this.api.uploadAttachment(id, lessonId, file));
  }

  deleteAttachment(attachment: LessonAttachment): Observable<CourseResponse> {
    return this.change((id) => this.api.deleteAttachment(id, attachment.id));
  }

  downloadAttachment(attachment: LessonAttachment): Observable<Blob> {
    return this.api.downloadAttachment(this.courseId(), attachment.id);
  }

  private change(request: (courseId: string) => Observable<CourseResponse>): Observable<CourseResponse> {
    return request(this.courseId()).pipe(tap((course) => this.course.set(course)));
  }

  private courseId(): string {
    const course = this.course();
    if (course === null) throw new Error('No course is loaded');
    return course.id;
  }
}
