import { Injectable, computed, inject, signal } from '@angular/core';
import {
  DecideOpeningApprovalRequest,
  OpeningApprovalResponse,
  OpeningApprovalStatus,
} from '@thuchoc/classes/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, tap } from 'rxjs';
import { OpeningApprovalsApi } from './classes-api';

/** Requests to open classes below their rules in the caller's scope: the waiting ones and the decided ones. */
@Injectable()
export class OpeningApprovalsStore {
  private readonly api = inject(OpeningApprovalsApi);
  private readonly problems = inject(ProblemMessages);

  readonly approvals = signal<OpeningApprovalResponse[] | null>(null);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);

  /** Oldest first: the longest wait is decided first. */
  readonly pending = computed(() =>
    (this.approvals() ?? [])
      .filter((a) => a.status === OpeningApprovalStatus.Pending)
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)),
  );
  /** Newest decision first. */
  readonly decided = computed(() =>
    (this.approvals() ?? [])
      .filter((a) => a.status !== OpeningApprovalStatus.Pending)
      .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '')),
  );

  load(): void {
    this.isLoading.set(true);
    this.error.set(null);
    this.api.list().subscribe({
      next: (approvals) => {
        this.approvals.set(approvals);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error));
        this.isLoading.set(false);
      },
    });
  }

  decide(id: string, request: DecideOpeningApprovalRequest): Observable<OpeningApprovalResponse> {
    return this.api
      .decide(id, request)
      .pipe(
        tap((decided) =>
          this.approvals.update((all) => all?.map((a) => (a.id === decided.id ? decided : a)) ?? null),
        ),
      );
  }
}
