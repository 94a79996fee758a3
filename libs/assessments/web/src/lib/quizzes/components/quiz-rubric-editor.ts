import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
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
import { MatSnackBar } from '@angular/material/snack-bar';
import { RUBRIC_LIMITS, RubricResponse } from '@thuchoc/assessments/contracts';
import { ProblemMessages, RemoteValue } from '@thuchoc/shared/web-core';
import { ConfirmDialog, ConfirmDialogData, ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { map, tap } from 'rxjs';
import { formatPoints } from '../data-access/quiz-results';
import { QuizzesApi } from '../data-access/quizzes-api';
import { RubricForm } from '../data-access/rubric-form';
import { QuizFieldErrorPipe } from './quiz-field-error.pipe';

const NOTICE_DURATION_MS = 4000;

/** The quiz's rubric as loaded: null when it has none yet. */
interface StoredRubric {
  rubric: RubricResponse | null;
}

/**
 * A quiz's essay rubric: criteria (label, description) each with levels
 * (label, points), added, removed and reordered, the maximum a perfect essay
 * earns; saved whole (PUT) or removed. Locked once an essay was graded with it;
 * read-only for auditors. The API decides: its field errors
 * (`criteria.1.levels.0.points`) show next to the part they name.
 */
@Component({
  selector: 'th-quiz-rubric-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    QuizFieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quiz-rubric-editor.html',
  styleUrl: './quiz-rubric-editor.scss',
})
export class QuizRubricEditor {
  private readonly api = inject(QuizzesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly quizId = input.required<string>();
  /** Staff and the class's lecturers; auditors only read. */
  readonly canEdit = input(false);

  protected readonly stored = new RemoteValue<StoredRubric>();
  protected readonly form = signal<RubricForm | null>(null);
  protected readonly isSaving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly isLocked = computed(() => this.stored.value()?.rubric?.isLocked ?? false);
  protected readonly canChange = computed(() => this.canEdit() && !this.isLocked());
  protected readonly limits = RUBRIC_LIMITS;
  protected readonly formatPoints = formatPoints;

  constructor() {
    effect(() => {
      const quizId = this.quizId();
      untracked(() => {
        this.error.set(null);
        this.stored.reset();
        this.form.set(null);
        this.stored.load(
          this.api.rubric(quizId).pipe(
            map((rubric) => ({ rubric })),
            tap(({ rubric }) => this.form.set(rubric ? this.formOf(rubric) : null)),
          ),
        );
      });
    });
  }

  /** Starts a rubric: one criterion of two levels to fill in. */
  protected start(): void {
    if (!this.canChange()) return;
    this.error.set(null);
    this.form.set(new RubricForm(null));
  }

  /** Drops what was typed: back to the stored rubric, or to none. */
  protected discard(): void {
    const rubric = this.stored.value()?.rubric ?? null;
    this.error.set(null);
    this.form.set(rubric ? this.formOf(rubric) : null);
  }

  protected save(): void {
    const form = this.form();
    if (form === null || this.isSaving() || !this.canChange()) return;
    if (form.group.invalid) {
      form.group.markAllAsTouched();
      this.showFirstError();
      return;
    }
    this.isSaving.set(true);
    this.error.set(null);
    this.api.setRubric(this.quizId(), form.request()).subscribe({
      next: (rubric) => {
        this.isSaving.set(false);
        // The form stays as typed; a rubric can only be saved while unlocked, so nothing else changes.
        this.stored.set({ rubric });
        form.group.markAsPristine();
        this.notify('quizzes.rubric.saved');
      },
      error: (error: unknown) => {
        form.applyErrors(error);
        this.error.set(this.problems.describe(error).message);
        this.isSaving.set(false);
        this.showFirstError();
      },
    });
  }

  protected remove(): void {
    if (!this.canChange()) return;
    const data: ConfirmDialogData = {
      message: this.transloco.translate('quizzes.rubric.removeConfirm'),
      confirmLabel: 'quizzes.rubric.remove',
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((isConfirmed) => {
        if (isConfirmed !== true) return;
        this.error.set(null);
        this.api.removeRubric(this.quizId()).subscribe({
          next: () => {
            this.stored.set({ rubric: null });
            this.form.set(null);
            this.notify('quizzes.rubric.removed');
          },
          error: (error: unknown) => this.error.set(this.problems.describe(error).message),
        });
      });
  }

  /** The stored rubric's form; read-only when locked by grading or for a reader. */
  private formOf(rubric: RubricResponse): RubricForm {
    const form = new RubricForm(rubric.criteria);
    if (!this.canEdit() || rubric.isLocked) form.makeReadOnly();
    return form;
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: NOTICE_DURATION_MS });
  }

  private showFirstError(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const first =
          root.querySelector('.mat-form-field-invalid, .field-error') ?? root.querySelector('[role="alert"]');
        first?.scrollIntoView({ block: 'center' });
      },
      { injector: this.injector },
    );
  }
}
