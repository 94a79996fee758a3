import { HttpResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { EnrollmentImportResponse } from '@thuchoc/classes/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, Subscription, tap } from 'rxjs';
import { ClassesApi } from './classes-api';
import { isImportInProgress } from './classes-import-progress';
import { pollUntil } from './classes-polling';

/**
 * A class's enrollment imports: the earlier ones, and the one on screen,
 * followed while the worker processes it.
 */
@Injectable()
export class ClassImportsStore {
  private readonly api = inject(ClassesApi);
  private readonly problems = inject(ProblemMessages);
  private readonly destroyRef = inject(DestroyRef);
  private classId: string | null = null;
  private polling: Subscription | null = null;

  /** Newest first. */
  readonly imports = signal<EnrollmentImportResponse[]>([]);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);
  /** The import shown in detail: the one just uploaded, or one picked from the list. */
  readonly current = signal<EnrollmentImportResponse | null>(null);
  readonly isUploading = signal(false);

  load(classId: string): void {
    this.classId = classId;
    this.isLoading.set(true);
    this.error.set(null);
    this.api.imports(classId).subscribe({
      next: (imports) => {
        this.imports.set(imports);
        this.isLoading.set(false);
        // Coming back to the tab while an import still runs: keep following it.
        const newest = imports[0] as EnrollmentImportResponse | undefined;
        if (newest !== undefined && isImportInProgress(newest)) this.show(newest);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error));
        this.isLoading.set(false);
      },
    });
  }

  upload(file: File): Observable<EnrollmentImportResponse> {
    this.isUploading.set(true);
    return this.api.uploadImport(this.requireId(), file).pipe(
      tap({
        next: (started) => {
          this.isUploading.set(false);
          this.imports.update((imports) => [started, ...imports.filter((i) => i.id !== started.id)]);
          this.show(started);
        },
        error: () => this.isUploading.set(false),
      }),
    );
  }

  /** Shows an import and, while it is queued or running, asks for its progress until it ends. */
  show(entry: EnrollmentImportResponse): void {
    this.polling?.unsubscribe();
    this.current.set(entry);
    if (!isImportInProgress(entry)) return;
    const classId = this.requireId();
    this.polling = pollUntil(
      () => this.api.getImport(classId, entry.id),
      (latest) => !isImportInProgress(latest),
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (latest) => {
          if (this.current()?.id === latest.id) this.current.set(latest);
          this.imports.update((imports) => imports.map((i) => (i.id === latest.id ? latest : i)));
        },
        error: (error: unknown) => this.error.set(this.problems.describe(error)),
      });
  }

  errorReport(entry: EnrollmentImportResponse): Observable<HttpResponse<Blob>> {
    return this.api.importErrorReport(this.requireId(), entry.id);
  }

  activationSheet(entry: EnrollmentImportResponse): Observable<HttpResponse<Blob>> {
    return this.api.activationSheet(this.requireId(), entry.id);
  }

  private requireId(): string {
    if (this.classId === null) throw new Error('No class loaded');
    return this.classId;
  }
}
