import { AbstractControl, FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  CHOICE_TYPES,
  CreateQuestionRequest,
  DEFAULT_QUESTION_POINTS,
  QUESTION_LIMITS,
  QuestionContent,
  QuestionDifficulty,
  QuestionOption,
  QuestionType,
  TRUE_FALSE_OPTIONS,
} from '@thuchoc/assessments/contracts';
import { toProblem } from '@thuchoc/shared/web-core';

const L = QUESTION_LIMITS;
/** A new choice question starts with four options, A to D, as most banks write them. */
const NEW_CHOICE_OPTIONS = 4;

export type OptionForm = FormGroup<{ text: FormControl<string>; isCorrect: FormControl<boolean> }>;

export type QuestionFormGroup = FormGroup<{
  type: FormControl<QuestionType>;
  topic: FormControl<string>;
  difficulty: FormControl<QuestionDifficulty>;
  title: FormControl<string>;
  stem: FormControl<string>;
  points: FormControl<number | null>;
  explanation: FormControl<string>;
  options: FormArray<OptionForm>;
  acceptedAnswers: FormArray<FormControl<string>>;
  acceptWithoutDiacritics: FormControl<boolean>;
}>;

const isChoice = (type: QuestionType) => CHOICE_TYPES.includes(type);

function optionForm(option: QuestionOption = { text: '', isCorrect: false }): OptionForm {
  return new FormGroup({
    text: new FormControl(option.text, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(L.optionLength)],
    }),
    isCorrect: new FormControl(option.isCorrect, { nonNullable: true }),
  });
}

function answerControl(answer = ''): FormControl<string> {
  return new FormControl(answer, {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(L.acceptedAnswerLength)],
  });
}

const trueFalseOptions = (correct: number | null): QuestionOption[] =>
  TRUE_FALSE_OPTIONS.map((text, index) => ({ text, isCorrect: index === correct }));

/**
 * The question editor's form and the rules of its parts: which parts a type
 * shows (options, accepted answers or neither), the fixed Đúng/Sai of a
 * true/false question, options added, removed and reordered, the request sent,
 * and the API's field errors put on the part they name (`options.2.text`).
 * What the user typed in a part that a type change hides is kept: switching
 * back brings it back.
 */
export class QuestionForm {
  readonly group: QuestionFormGroup;
  /** A choice question's options while the type is true/false, which has its own two. */
  private choiceOptions: QuestionOption[] = [];

  constructor(question: QuestionContent | null, defaults: { topic?: string } = {}) {
    const type = question?.type ?? QuestionType.SingleChoice;
    const options =
      question === null
        ? Array.from({ length: NEW_CHOICE_OPTIONS }, () => ({ text: '', isCorrect: false }))
        : question.options;
    this.group = new FormGroup({
      type: new FormControl(type, { nonNullable: true }),
      topic: new FormControl(question?.topic ?? defaults.topic ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(L.topicLength)],
      }),
      difficulty: new FormControl(question?.difficulty ?? QuestionDifficulty.Medium, { nonNullable: true }),
      title: new FormControl(question?.title ?? '', {
        nonNullable: true,
        validators: Validators.maxLength(L.titleLength),
      }),
      stem: new FormControl(question?.stem ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(L.stemLength)],
      }),
      points: new FormControl<number | null>(question?.points ?? DEFAULT_QUESTION_POINTS, {
        validators: [Validators.required, Validators.min(0.01), Validators.max(L.maxPoints)],
      }),
      explanation: new FormControl(question?.explanation ?? '', {
        nonNullable: true,
        validators: Validators.maxLength(L.explanationLength),
      }),
      options: new FormArray(options.map(optionForm)),
      acceptedAnswers: new FormArray(
        (question?.acceptedAnswers.length ? question.acceptedAnswers : ['']).map(answerControl),
      ),
      acceptWithoutDiacritics: new FormControl(question?.acceptWithoutDiacritics ?? false, {
        nonNullable: true,
      }),
    });
    this.showPartsOf(type);
  }

  get type(): QuestionType {
    return this.group.controls.type.value;
  }

  get options(): FormArray<OptionForm> {
    return this.group.controls.options;
  }

  get acceptedAnswers(): FormArray<FormControl<string>> {
    return this.group.controls.acceptedAnswers;
  }

  /** Switches the type, keeping what was typed; true/false gets its fixed Đúng/Sai. */
  changeType(type: QuestionType): void {
    const previous = this.type;
    if (type === previous) return;
    if (type === QuestionType.TrueFalse) {
      this.choiceOptions = this.options.getRawValue();
      this.setOptions(trueFalseOptions(null));
      this.lockTrueFalseTexts();
    } else if (previous === QuestionType.TrueFalse) {
      this.setOptions(
        this.choiceOptions.length > 0
          ? this.choiceOptions
          : Array.from({ length: NEW_CHOICE_OPTIONS }, () => ({ text: '', isCorrect: false })),
      );
    }
    this.group.controls.type.setValue(type);
    this.showPartsOf(type);
  }

  addOption(): void {
    if (this.options.length >= L.maxOptions) return;
    this.options.push(optionForm());
  }

  removeOption(index: number): void {
    this.options.removeAt(index);
  }

  /** Moves an option up (-1) or down (+1); nothing happens at either end. */
  moveOption(index: number, step: -1 | 1): void {
    const target = index + step;
    if (target < 0 || target >= this.options.length) return;
    const option = this.options.at(index);
    this.options.removeAt(index, { emitEvent: false });
    this.options.insert(target, option);
  }

  /** Single choice and true/false: the option becomes the one correct answer. */
  markOnlyCorrect(index: number): void {
    this.options.controls.forEach((option, i) => option.controls.isCorrect.setValue(i === index));
  }

  addAcceptedAnswer(): void {
    if (this.acceptedAnswers.length >= L.maxAcceptedAnswers) return;
    this.acceptedAnswers.push(answerControl());
  }

  removeAcceptedAnswer(index: number): void {
    this.acceptedAnswers.removeAt(index);
  }

  /** The request for the API: only the parts the type has, text trimmed, empty optionals as null. */
  request(): CreateQuestionRequest {
    const value = this.group.getRawValue();
    const type = value.type;
    const title = value.title.trim();
    const explanation = value.explanation.trim();
    return {
      type,
      topic: value.topic.trim(),
      difficulty: value.difficulty,
      title: title === '' ? null : title,
      stem: value.stem.trim(),
      options: isChoice(type)
        ? value.options.map((option) => ({ text: option.text.trim(), isCorrect: option.isCorrect }))
        : [],
      acceptedAnswers:
        type === QuestionType.ShortAnswer ? value.acceptedAnswers.map((answer) => answer.trim()) : [],
      acceptWithoutDiacritics: type === QuestionType.ShortAnswer && value.acceptWithoutDiacritics,
      points: value.points ?? DEFAULT_QUESTION_POINTS,
      explanation: explanation === '' ? null : explanation,
    };
  }

  /**
   * Puts the API's field errors (problem+json `errors`) on the part each names,
   * or on the nearest part that exists (`options.7.text` after the option was
   * removed lands on `options`). Returns whether any found a part.
   */
  applyErrors(error: unknown): boolean {
    const messages = new Map<AbstractControl, string[]>();
    for (const fieldError of toProblem(error).errors ?? []) {
      const control = this.nearestControl(fieldError.field);
      if (control === null) continue;
      messages.set(control, [...(messages.get(control) ?? []), ...fieldError.messages]);
    }
    for (const [control, texts] of messages) {
      control.setErrors({ server: texts.join(' '), ...control.errors });
      control.markAsTouched();
    }
    return messages.size > 0;
  }

  private nearestControl(field: string): AbstractControl | null {
    const path = field.split('.');
    while (path.length > 0) {
      const control = this.group.get(path.join('.'));
      if (control !== null) return control;
      path.pop();
    }
    return null;
  }

  private setOptions(options: readonly QuestionOption[]): void {
    this.options.clear({ emitEvent: false });
    for (const option of options) this.options.push(optionForm(option), { emitEvent: false });
    this.options.updateValueAndValidity();
  }

  private lockTrueFalseTexts(): void {
    for (const option of this.options.controls) option.controls.text.disable({ emitEvent: false });
  }

  /** Hidden parts are disabled, so their validators do not hold the form back. */
  private showPartsOf(type: QuestionType): void {
    const toggle = (control: AbstractControl, isShown: boolean) =>
      isShown ? control.enable({ emitEvent: false }) : control.disable({ emitEvent: false });
    toggle(this.options, isChoice(type));
    if (type === QuestionType.TrueFalse) this.lockTrueFalseTexts();
    toggle(this.acceptedAnswers, type === QuestionType.ShortAnswer);
    toggle(this.group.controls.acceptWithoutDiacritics, type === QuestionType.ShortAnswer);
    this.group.updateValueAndValidity();
  }
}
