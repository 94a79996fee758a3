import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ClassHistoryEntry, ClassVerificationResponse, VerificationStatus } from '@thuchoc/classes/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { switchMap } from 'rxjs';
import { ClassesApi } from './classes-api';
import { pollUntil } from './classes-polling';

/** A class's ledger, and integrity verifications of it (run by a job, followed until done). */
@Injectable()
export class ClassHistoryStore {
  private readonly api = inject(ClassesApi);
  private readonly problems = inject(ProblemMessages);
  private readonly destroyRef = inject(DestroyRef);

  /** In chain order. */
  readonly entries = signal<ClassHistoryEntry[] | null>(null);
  readonly error = signal<ErrorView | null>(null);
  readonly verification = signal<ClassVerificationResponse | null>(null);
  readonly isVerifying = signal(false);
  readonly verificationError = signal<ErrorView | null>(null);

  load(classId: string): void {
    this.error.set(null);
    this.api.history(classId).subscribe({
      next: (entries) => this.entries.set(entries),
      error: (error: unknown) => this.error.set(this.problems.describe(error)),
    });
  }

  verify(classId: string): void {
    if (this.isVerifying()) return;
    this.isVerifying.set(true);
    this.verificationError.set(null);
    this.verification.set(null);
    this.api
      .requestVerification(classId)
      .pipe(
        switchMap((requested) => {
          this.verification.set(requested);
          return pollUntil(
            () => this.api.getVerification(classId, requested.id),
            (latest) => latest.status === VerificationStatus.Completed,
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (latest) => this.verification.set(latest),
        error: (error: unknown) => {
          this.verificationError.set(this.problems.describe(error));
          this.isVerifying.set(false);
        },
        complete: () => this.isVerifying.set(false),
      });
  }
}
