import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import {
  CreateQuestionRequest,
  QuestionDifficulty,
  QuestionFileFormat,
  QuestionImportResult,
  QuestionResponse,
  QuestionSheetFormat,
  QuestionStatusFilter,
  QuestionType,
  QuestionVersionResponse,
  TopicSummary,
  UpdateQuestionRequest,
} from '@thuchoc/assessments/contracts';
import { CourseSummary } from '@thuchoc/courses/contracts';
import { API_BASE_URL, PagedList, RemoteValue } from '@thuchoc/shared/web-core';
import { Observable, tap } from 'rxjs';
import { QuestionsApi } from './questions-api';

export interface QuestionFilter {
  /** Stem, title or topic, with or without diacritics. */
  q: string;
  type: QuestionType | null;
  topic: string | null;
  difficulty: QuestionDifficulty | null;
  status: QuestionStatusFilter;
}

export const ALL_ACTIVE: QuestionFilter = {
  q: '',
  type: null,
  topic: null,
  difficulty: null,
  status: QuestionStatusFilter.Active,
};

/**
 * One course's question bank: the filtered, paged list, the topic ×
 * difficulty counts above it, and the changes. A change reloads the counts;
 * a change that can move a question out of the filter reloads the page too.
 */
@Injectable()
export class QuestionBankStore {
  private readonly api = inject(QuestionsApi);
  private readonly http = inject(HttpClient);
  private readonly coursesUrl = `${inject(API_BASE_URL)}/courses`;
  private readonly currentCourseId = signal<string | null>(null);
  private readonly list = new PagedList<QuestionFilter, QuestionResponse>(
    ({ filter, page, pageSize }) =>
      this.api.list(this.courseId(), {
        q: filter.q.trim() || undefined,
        type: filter.type ?? undefined,
        topic: filter.topic ?? undefined,
        difficulty: filter.difficulty ?? undefined,
        status: filter.status,
        page,
        pageSize,
      }),
    ALL_ACTIVE,
  );

  readonly filter = this.list.filter;
  readonly pageIndex = this.list.pageIndex;
  readonly pageSize = this.list.pageSize;
  readonly page = this.list.page;
  readonly isLoading = this.list.isLoading;
  readonly error = this.list.error;
  /** Active questions per topic, by difficulty and type. */
  readonly topics = new RemoteValue<TopicSummary[]>();
  /** The course's code and title, for the heading (staff and auditors may read courses). */
  readonly course = new RemoteValue<CourseSummary>();

  /** Opens a course's bank with no filter. */
  open(courseId: string, { withCourse }: { withCourse: boolean }): void {
    this.currentCourseId.set(courseId);
    this.list.search(ALL_ACTIVE);
    this.topics.load(this.api.topics(courseId));
    this.course.reset();
    if (withCourse) this.course.load(this.http.get<CourseSummary>(`${this.coursesUrl}/${courseId}`));
  }

  search(filter: QuestionFilter): void {
    this.list.search(filter);
  }

  goToPage(pageIndex: number, pageSize: number): void {
    this.list.goToPage(pageIndex, pageSize);
  }

  create(request: CreateQuestionRequest): Observable<QuestionResponse> {
    return this.api.create(this.courseId(), request).pipe(tap(() => this.reload()));
  }

  /** The edited question stays where it stands on the page. */
  update(questionId: string, request: UpdateQuestionRequest): Observable<QuestionResponse> {
    return this.api.update(this.courseId(), questionId, request).pipe(
      tap((question) => {
        this.list.replace(question);
        this.reloadTopics();
      }),
    );
  }

  archive(question: QuestionResponse): Observable<QuestionResponse> {
    return this.api.archive(this.courseId(), question.id).pipe(tap(() => this.reload()));
  }

  restore(question: QuestionResponse): Observable<QuestionResponse> {
    return this.api.restore(this.courseId(), question.id).pipe(tap(() => this.reload()));
  }

  versions(question: QuestionResponse): Observable<QuestionVersionResponse[]> {
    return this.api.versions(this.courseId(), question.id);
  }

  import(format: QuestionFileFormat, file: File): Observable<QuestionImportResult> {
    return this.api.import(this.courseId(), format, file).pipe(tap(() => this.reload()));
  }

  export(format: QuestionSheetFormat): Observable<HttpResponse<Blob>> {
    return this.api.export(this.courseId(), format);
  }

  template(format: QuestionSheetFormat): Observable<HttpResponse<Blob>> {
    return this.api.template(this.courseId(), format);
  }

  private reload(): void {
    this.list.load();
    this.reloadTopics();
  }

  private reloadTopics(): void {
    this.topics.load(this.api.topics(this.courseId()));
  }

  private courseId(): string {
    const id = this.currentCourseId();
    if (id === null) throw new Error('No course bank is open');
    return id;
  }
}
