import { DOCUMENT, DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  RUBRIC_LIMITS,
  SimilarityFlagDetail,
  SimilarityFlagStatus,
  SimilarityOutcome,
} from '@thuchoc/assessments/contracts';
import { FormSubmission, toProblem } from '@thuchoc/shared/web-core';
import { ErrorAlert, ReasonDialog, ReasonDialogData } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { tap } from 'rxjs';
import { passageColour, scorePercent } from '../data-access/highlight-segments';
import { FlagSide, SimilarityFlagStore } from '../data-access/similarity-flag.store';
import { GradingAccess, areaPath, canGrade } from '../grading-access';

const NOTICE_DURATION_MS = 4000;

/** The element id of a passage's start on one side. */
export const passageAnchor = (side: 'a' | 'b', passage: number) => `passage-${side}-${passage}`;

/**
 * `…/similarity-flags/:flagId`: two learners' essays side by side (stacked on
 * a phone) with the passages they share highlighted in the same colour and
 * number on both sides — a click on one jumps to its match on the other —
 * the score, and the decision: confirmed copy or false positive, with a
 * reason. A resolved flag shows its decision. Auditors read.
 */
@Component({
  selector: 'th-similarity-flag-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [SimilarityFlagStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './similarity-flag-page.html',
  styleUrl: './similarity-flag-page.scss',
})
export class SimilarityFlagPage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  /** From the route's `:flagId`. */
  readonly flagId = input.required<string>();
  /** From the route's data. */
  readonly access = input<GradingAccess>('lecturer');

  protected readonly store = inject(SimilarityFlagStore);
  protected readonly canResolve = computed(
    () => canGrade(this.access()) && this.store.flag.value()?.status === SimilarityFlagStatus.Open,
  );
  protected readonly area = computed(() => areaPath(this.access()));
  protected readonly percent = computed(() => scorePercent(this.store.flag.value()?.score ?? 0));
  /** The passage last jumped to, outlined on both sides. */
  protected readonly activePassage = signal<number | null>(null);
  protected readonly outcomes = SimilarityOutcome;
  protected readonly colour = passageColour;
  protected readonly anchor = passageAnchor;

  constructor() {
    effect(() => {
      const flagId = this.flagId();
      untracked(() => {
        this.activePassage.set(null);
        this.store.open(flagId);
      });
    });
  }

  protected otherName(side: FlagSide): string {
    return this.store.sides().find((other) => other.side !== side.side)?.fullName ?? '';
  }

  /** Scrolls the other essay to the same passage and puts the focus there. */
  protected jump(from: 'a' | 'b', passage: number): void {
    this.activePassage.set(passage);
    const target = this.document.getElementById(passageAnchor(from === 'a' ? 'b' : 'a', passage));
    if (target === null) return;
    target.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target.focus({ preventScroll: true });
  }

  protected resolve(flag: SimilarityFlagDetail, outcome: SimilarityOutcome): void {
    const isCopy = outcome === SimilarityOutcome.ConfirmedCopy;
    const message = this.transloco.translate(
      isCopy ? 'grading.flag.confirmCopyMessage' : 'grading.flag.falsePositiveMessage',
      { a: flag.a.fullName, b: flag.b.fullName, percent: this.percent() },
    );
    this.dialog
      .open<ReasonDialog<SimilarityFlagDetail>, ReasonDialogData<SimilarityFlagDetail>, SimilarityFlagDetail>(
        ReasonDialog,
        {
          data: {
            title: isCopy ? 'grading.flag.confirmCopy' : 'grading.flag.falsePositive',
            message,
            submitLabel: isCopy ? 'grading.flag.confirmCopy' : 'grading.flag.falsePositive',
            reasonLabel: 'grading.flag.reasonLabel',
            isReasonRequired: true,
            maxLength: RUBRIC_LIMITS.reasonLength,
            submission: (form) => new FormSubmission(form),
            submit: (reason) =>
              this.store.resolve(outcome, reason ?? '').pipe(
                tap({
                  // Someone decided first: show their decision behind the dialog.
                  error: (error: unknown) => {
                    if (toProblem(error).code === 'similarity-flag.resolved') this.store.reload();
                  },
                }),
              ),
          },
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((resolved) => {
        if (resolved === undefined) return;
        this.snackBar.open(this.transloco.translate('grading.flag.resolved'), undefined, {
          duration: NOTICE_DURATION_MS,
        });
      });
  }
}
