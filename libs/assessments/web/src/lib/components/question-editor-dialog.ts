import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  QUESTION_DIFFICULTIES,
  QUESTION_SHEET_OPTION_LETTERS,
  QUESTION_TYPES,
  QuestionResponse,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { QuestionBankStore } from '../data-access/question-bank.store';
import { QuestionForm } from '../data-access/question-form';
import { foldText } from '../data-access/question-text';

export interface QuestionEditorData {
  /** Null to add a question. */
  question: QuestionResponse | null;
  /** The bank's topics, offered while typing one. */
  topics: readonly string[];
  /** The topic a new question starts with (the list's topic filter). */
  defaultTopic?: string;
}

/**
 * Adds or edits a question of any type. The API's rules decide (one correct
 * option, distinct options…): its field errors show next to the part they
 * name and everything typed stays, so the user fixes and saves again.
 */
@Component({
  selector: 'th-question-editor-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './question-editor-dialog.html',
  styleUrl: './question-editor-dialog.scss',
})
export class QuestionEditorDialog {
  private readonly store = inject(QuestionBankStore);
  private readonly problems = inject(ProblemMessages);
  private readonly dialogRef = inject<MatDialogRef<QuestionEditorDialog, QuestionResponse>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly data = inject<QuestionEditorData>(MAT_DIALOG_DATA);
  protected readonly form = new QuestionForm(this.data.question, { topic: this.data.defaultTopic });
  protected readonly controls = this.form.group.controls;
  protected readonly types = QUESTION_TYPES;
  protected readonly difficulties = QUESTION_DIFFICULTIES;
  protected readonly letters = QUESTION_SHEET_OPTION_LETTERS;
  protected readonly questionType = QuestionType;
  protected readonly type = signal(this.form.type);
  protected readonly isSaving = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly topicText = toSignal(this.controls.topic.valueChanges, {
    initialValue: this.controls.topic.value,
  });
  protected readonly topicChoices = computed(() => {
    const typed = foldText(this.topicText());
    return this.data.topics.filter((topic) => foldText(topic).includes(typed));
  });

  protected changeType(type: QuestionType): void {
    this.form.changeType(type);
    this.type.set(type);
  }

  protected save(): void {
    if (this.isSaving()) return;
    if (this.form.group.invalid) {
      this.form.group.markAllAsTouched();
      return;
    }
    this.isSaving.set(true);
    this.error.set(null);
    const request = this.form.request();
    const question = this.data.question;
    const saving = question === null ? this.store.create(request) : this.store.update(question.id, request);
    saving.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        // The form keeps what was typed; the API's field errors go next to their fields.
        this.form.applyErrors(error);
        this.error.set(this.problems.describe(error).message);
        this.isSaving.set(false);
        this.showFirstError();
      },
    });
  }

  /** A long question scrolls: bring the first marked part (or the message on top) into view. */
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
