import { Injectable, inject, signal } from '@angular/core';
import {
  ClassResponse,
  ClassTransitionRequest,
  ClassTransitionResponse,
  OpeningApprovalResponse,
  OpeningApprovalStatus,
  UpdateClassRequest,
} from '@thuchoc/classes/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, Subscription, tap } from 'rxjs';
import { ClassesApi, OpeningApprovalsApi } from './classes-api';

/** One class as its detail page shows it; the tabs share it and refresh it after changes that move its counts. */
@Injectable()
export class ClassDetailStore {
  private readonly api = inject(ClassesApi);
  private readonly approvalsApi = inject(OpeningApprovalsApi);
  private readonly problems = inject(ProblemMessages);
  private request: Subscription | null = null;

  readonly classId = signal<string | null>(null);
  readonly detail = signal<ClassResponse | null>(null);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);
  /** The opening request waiting for a parent unit's decision, once known. */
  readonly pendingApproval = signal<OpeningApprovalResponse | null>(null);

  load(id: string): void {
    if (this.classId() !== id) {
      this.classId.set(id);
      this.detail.set(null);
      this.pendingApproval.set(null);
    }
    this.reload();
  }

  /** Fetches the class again, e.g. after the roster changed its counts. */
  reload(): void {
    const id = this.classId();
    if (id === null) return;
    this.request?.unsubscribe();
    this.isLoading.set(true);
    this.error.set(null);
    this.request = this.api.get(id).subscribe({
      next: (detail) => {
        this.detail.set(detail);
        if (!detail.hasPendingApproval) this.pendingApproval.set(null);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error));
        this.isLoading.set(false);
      },
    });
  }

  /**
   * Finds the waiting opening request of the class among the caller's pending
   * ones. Staff only: auditors see the flag, not the request.
   */
  loadPendingApproval(): void {
    const id = this.classId();
    if (id === null || !this.detail()?.hasPendingApproval) return;
    this.approvalsApi.list(OpeningApprovalStatus.Pending).subscribe({
      next: (approvals) => this.pendingApproval.set(approvals.find((a) => a.classId === id) ?? null),
      error: (error: unknown) => this.error.set(this.problems.describe(error)),
    });
  }

  update(request: UpdateClassRequest): Observable<ClassResponse> {
    return this.api.update(this.requireId(), request).pipe(tap((detail) => this.detail.set(detail)));
  }

  /** Moves the class one step; when opening must wait for approval, keeps the request to show why. */
  transition(request: ClassTransitionRequest): Observable<ClassTransitionResponse> {
    return this.api.transition(this.requireId(), request).pipe(
      tap((answer) => {
        this.detail.set(answer.class);
        this.pendingApproval.set(answer.approval);
      }),
    );
  }

  private requireId(): string {
    const id = this.classId();
    if (id === null) throw new Error('No class loaded');
    return id;
  }
}
