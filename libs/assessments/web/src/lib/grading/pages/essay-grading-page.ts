import { DatePipe } from '@angular/common';
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
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { AttemptStatus, GradedAttempt, RUBRIC_LIMITS } from '@thuchoc/assessments/contracts';
import { FormSubmission, ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe, ReasonDialog, ReasonDialogData } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { PointsPipe, formatPoints } from '../components/points.pipe';
import { EssayGradingStore } from '../data-access/essay-grading.store';
import { GradeForm } from '../data-access/grade-form';
import { criterionMaxPoints, gradePreview } from '../data-access/grade-preview';
import { GradingAccess, areaPath, canGrade } from '../grading-access';

const NOTICE_DURATION_MS = 4000;

/**
 * `…/classes/:classId/grading/:attemptId`: one attempt's essays beside the
 * quiz's rubric — a level and a comment per criterion, an overall comment,
 * the grade it gives as a live preview — saved to the API; changing a saved
 * grade asks for a reason and shows the old one. Open similarity flags of the
 * attempt stand on top. Auditors see it all read-only.
 */
@Component({
  selector: 'th-essay-grading-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
    PointsPipe,
  ],
  // DatePipe also for the reason dialog's text, with the app's date options.
  providers: [EssayGradingStore, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './essay-grading-page.html',
  styleUrl: './essay-grading-page.scss',
})
export class EssayGradingPage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly datePipe = inject(DatePipe);

  /** From the route's `:classId`. */
  readonly classId = input.required<string>();
  /** From the route's `:attemptId`. */
  readonly attemptId = input.required<string>();
  /** From the route's data. */
  readonly access = input<GradingAccess>('lecturer');

  protected readonly store = inject(EssayGradingStore);
  protected readonly canGrade = computed(() => canGrade(this.access()));
  protected readonly area = computed(() => areaPath(this.access()));
  protected readonly item = computed(() => this.store.context.value()?.item ?? null);
  protected readonly rubric = computed(() => this.store.context.value()?.rubric ?? null);
  /** An essay that may be copied is graded only once its flags are resolved (the API refuses before). */
  protected readonly hasOpenFlags = computed(() => (this.item()?.openSimilarityFlagIds.length ?? 0) > 0);
  /** A new form for each attempt and each saved grade. */
  protected readonly form = computed(() => {
    const context = this.store.context.value();
    if (!context?.rubric) return null;
    const form = new GradeForm(context.rubric.criteria, context.item.grade);
    form.setReadOnly(!this.canGrade());
    return form;
  });
  protected readonly preview = computed(() => {
    const form = this.form();
    const rubric = this.rubric();
    const points = this.store.attemptPoints();
    if (form === null || rubric === null || points === null) return null;
    return gradePreview(rubric.criteria, form.picks(), points);
  });
  protected readonly passMark = computed(() => this.store.context.value()?.quiz.passMark ?? null);
  protected readonly isSaving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly commentLength = RUBRIC_LIMITS.commentLength;
  protected readonly criterionMax = criterionMaxPoints;
  protected readonly graded = AttemptStatus.Graded;

  constructor() {
    effect(() => {
      const attemptId = this.attemptId();
      untracked(() => this.store.open(attemptId));
    });
  }

  protected save(): void {
    const form = this.form();
    const item = this.item();
    if (form === null || item === null || this.isSaving() || this.hasOpenFlags()) return;
    this.saveError.set(null);
    if (form.group.invalid) {
      form.group.markAllAsTouched();
      return;
    }
    if (item.grade === null) this.send(() => this.store.grade(form.request()), form);
    else this.askReasonThenSave(form);
  }

  protected resetForm(): void {
    this.form()?.reset(this.item()?.grade ?? null);
    this.saveError.set(null);
  }

  private send(request: () => Observable<GradedAttempt>, form: GradeForm): void {
    this.isSaving.set(true);
    request().subscribe({
      next: (graded) => {
        this.isSaving.set(false);
        this.notifySaved(graded);
      },
      error: (error: unknown) => {
        this.isSaving.set(false);
        form.applyErrors(error);
        this.saveError.set(this.problems.describe(error).message);
      },
    });
  }

  /** A saved grade changes only with a reason, asked beside the old grade and the new preview. */
  private askReasonThenSave(form: GradeForm): void {
    const item = this.item();
    const preview = this.preview();
    if (!item?.grade || preview === null) return;
    const lang = this.transloco.getActiveLang();
    const message = this.transloco.translate('grading.attempt.change.message', {
      oldScore: formatPoints(item.score ?? 0, lang),
      oldEssay: formatPoints(item.grade.essayPoints, lang),
      possible: formatPoints(item.grade.essayPointsPossible, lang),
      time: this.datePipe.transform(item.grade.gradedAt),
      newScore: formatPoints(preview.score, lang),
    });
    this.dialog
      .open<ReasonDialog<GradedAttempt>, ReasonDialogData<GradedAttempt>, GradedAttempt>(ReasonDialog, {
        data: {
          title: 'grading.attempt.change.title',
          message,
          submitLabel: 'grading.attempt.change.submit',
          reasonLabel: 'grading.attempt.change.reasonLabel',
          isReasonRequired: true,
          maxLength: RUBRIC_LIMITS.reasonLength,
          submission: (reasonForm) => new FormSubmission(reasonForm),
          submit: (reason) => this.store.grade(form.request(reason)),
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((graded) => {
        if (graded !== undefined) this.notifySaved(graded);
      });
  }

  private notifySaved(graded: GradedAttempt): void {
    const score = formatPoints(graded.score, this.transloco.getActiveLang());
    this.snackBar.open(this.transloco.translate('grading.attempt.saved.justSaved', { score }), undefined, {
      duration: NOTICE_DURATION_MS,
    });
  }
}
