import { signal } from '@angular/core';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  AnswersShown,
  CreateQuizRequest,
  DrawRule,
  QUESTION_LIMITS,
  QUIZ_FIELDS_EDITABLE_WITH_ATTEMPTS,
  QUIZ_LIMITS,
  QuestionDifficulty,
  QuizResponse,
  TopicSummary,
  UpdateQuizRequest,
} from '@thuchoc/assessments/contracts';
import { applyProblemErrors } from './field-errors';
import { defaultWindow, fromVietnamLocalInput, toVietnamLocalInput } from './quiz-time';

const L = QUIZ_LIMITS;
/** What a new quiz starts with: the API's own defaults, and a 45-minute limit (one lesson period). */
const NEW_QUIZ = {
  timeLimitMinutes: 45,
  maxAttempts: 1,
  passMark: 5,
  answersShown: AnswersShown.AfterClose,
};

export type DrawRuleForm = FormGroup<{
  topic: FormControl<string>;
  /** Null: any difficulty. */
  difficulty: FormControl<QuestionDifficulty | null>;
  count: FormControl<number | null>;
}>;

export type QuizFormGroup = FormGroup<{
  title: FormControl<string>;
  description: FormControl<string>;
  drawRules: FormArray<DrawRuleForm>;
  isShufflingOptions: FormControl<boolean>;
  /** `datetime-local` values, Vietnam time. */
  opensAt: FormControl<string>;
  closesAt: FormControl<string>;
  timeLimitMinutes: FormControl<number | null>;
  maxAttempts: FormControl<number | null>;
  passMark: FormControl<number | null>;
  answersShown: FormControl<AnswersShown>;
  isFinal: FormControl<boolean>;
  isPublished: FormControl<boolean>;
}>;

type QuizField = keyof QuizFormGroup['controls'];

/** A whole number, or nothing yet (`required` speaks then). */
function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { integer: true };
}

/**
 * Active questions of the bank a rule may draw from: the topic's total, or its
 * count at one difficulty; null while the topics are not known.
 */
export function availableFor(
  topics: readonly TopicSummary[] | null,
  topic: string,
  difficulty: QuestionDifficulty | null,
): number | null {
  if (topics === null || topic.trim() === '') return null;
  const summary = topics.find((candidate) => candidate.topic === topic);
  if (summary === undefined) return 0;
  return difficulty === null ? summary.total : (summary.byDifficulty[difficulty] ?? 0);
}

/** The number of questions an attempt holds: the draw rules' counts summed (blank counts as 0). */
export const totalQuestions = (rules: readonly { count: number | null }[]): number =>
  rules.reduce((sum, rule) => sum + (rule.count !== null && Number.isFinite(rule.count) ? rule.count : 0), 0);

/**
 * The quiz builder's form and its rules: draw rules added and removed (each
 * count checked against what the bank holds for its topic and difficulty, the
 * API deciding in the end), the window typed in Vietnam time and sent as UTC,
 * the request sent, the fields locked once learners have started (only title,
 * description and publication may change then), and the API's field errors
 * put on the part they name. `totalQuestions` and `available` follow the
 * form as signals.
 */
export class QuizForm {
  readonly group: QuizFormGroup;
  /** Questions each attempt will hold, as typed. */
  readonly totalQuestions = signal(0);
  /** What the bank holds for each rule, in the rules' order; null while unknown. */
  readonly available = signal<readonly (number | null)[]>([]);
  private topics: readonly TopicSummary[] | null = null;
  private isLockedForAttempts = false;

  constructor(quiz: QuizResponse | null, now: Date = new Date()) {
    const window = quiz ?? defaultWindow(now);
    this.group = new FormGroup({
      title: new FormControl(quiz?.title ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(L.titleLength)],
      }),
      description: new FormControl(quiz?.description ?? '', {
        nonNullable: true,
        validators: Validators.maxLength(L.descriptionLength),
      }),
      drawRules: new FormArray<DrawRuleForm>([]),
      isShufflingOptions: new FormControl(quiz?.isShufflingOptions ?? true, { nonNullable: true }),
      opensAt: new FormControl(toVietnamLocalInput(window.opensAt), {
        nonNullable: true,
        validators: [Validators.required, localDateTime],
      }),
      closesAt: new FormControl(toVietnamLocalInput(window.closesAt), {
        nonNullable: true,
        validators: [Validators.required, localDateTime],
      }),
      timeLimitMinutes: new FormControl<number | null>(quiz?.timeLimitMinutes ?? NEW_QUIZ.timeLimitMinutes, {
        validators: [
          Validators.required,
          Validators.min(1),
          Validators.max(L.maxTimeLimitMinutes),
          wholeNumber,
        ],
      }),
      maxAttempts: new FormControl<number | null>(quiz?.maxAttempts ?? NEW_QUIZ.maxAttempts, {
        validators: [Validators.required, Validators.min(1), Validators.max(L.maxAttempts), wholeNumber],
      }),
      passMark: new FormControl<number | null>(quiz?.passMark ?? NEW_QUIZ.passMark, {
        validators: [Validators.required, Validators.min(0), Validators.max(L.maxScore)],
      }),
      answersShown: new FormControl(quiz?.answersShown ?? NEW_QUIZ.answersShown, { nonNullable: true }),
      isFinal: new FormControl(quiz?.isFinal ?? false, { nonNullable: true }),
      isPublished: new FormControl(quiz?.isPublished ?? false, { nonNullable: true }),
    });
    const rules: readonly (DrawRule | null)[] = quiz?.drawRules.length ? quiz.drawRules : [null];
    for (const rule of rules) this.rules.push(this.ruleForm(rule), { emitEvent: false });
    // A server error on the closing time was about the pair: changing the opening time re-checks it.
    this.group.controls.opensAt.valueChanges.subscribe(() =>
      this.group.controls.closesAt.updateValueAndValidity({ emitEvent: false }),
    );
    this.group.valueChanges.subscribe(() => this.follow());
    this.follow();
  }

  get rules(): FormArray<DrawRuleForm> {
    return this.group.controls.drawRules;
  }

  /** Whether learners have started: the rules are locked. */
  get isLocked(): boolean {
    return this.isLockedForAttempts;
  }

  addRule(): void {
    if (this.rules.length >= L.maxDrawRules) return;
    this.rules.push(this.ruleForm(null));
  }

  removeRule(index: number): void {
    if (this.rules.length <= 1) return;
    this.rules.removeAt(index);
  }

  /** The bank's topics with their counts: each rule's count is checked against them from now on. */
  setTopics(topics: readonly TopicSummary[]): void {
    this.topics = topics;
    for (const rule of this.rules.controls) rule.controls.count.updateValueAndValidity({ emitEvent: false });
    this.follow();
  }

  /** The quiz has attempts: only title, description and publication stay open. */
  lockForAttempts(): void {
    this.isLockedForAttempts = true;
    for (const [name, control] of Object.entries(this.group.controls)) {
      if (!isEditableWithAttempts(name as QuizField)) control.disable({ emitEvent: false });
    }
  }

  /** A reader's view: nothing changes. */
  makeReadOnly(): void {
    this.group.disable({ emitEvent: false });
  }

  /** The request for creating the quiz: everything, text trimmed, the window in UTC. */
  request(): CreateQuizRequest {
    const value = this.group.getRawValue();
    return {
      title: value.title.trim(),
      description: value.description.trim(),
      drawRules: value.drawRules.map((rule) => ({
        topic: rule.topic.trim(),
        difficulty: rule.difficulty,
        count: rule.count ?? 0,
      })),
      isShufflingOptions: value.isShufflingOptions,
      opensAt: fromVietnamLocalInput(value.opensAt) ?? value.opensAt,
      closesAt: fromVietnamLocalInput(value.closesAt) ?? value.closesAt,
      timeLimitMinutes: value.timeLimitMinutes ?? 0,
      maxAttempts: value.maxAttempts ?? 1,
      passMark: value.passMark ?? 0,
      answersShown: value.answersShown,
      isFinal: value.isFinal,
      isPublished: value.isPublished,
    };
  }

  /**
   * The request for saving changes: every field while no learner has started;
   * then only title, description and publication (the API answers anything
   * else 409 `quiz.has-attempts`).
   */
  update(): UpdateQuizRequest {
    const request = this.request();
    if (!this.isLockedForAttempts) return request;
    return Object.fromEntries(
      QUIZ_FIELDS_EDITABLE_WITH_ATTEMPTS.map((field) => [field, request[field]]),
    ) as UpdateQuizRequest;
  }

  /** Puts the API's field errors on the parts they name; returns whether any found one. */
  applyErrors(error: unknown): boolean {
    return applyProblemErrors(this.group, error);
  }

  private ruleForm(rule: DrawRule | null): DrawRuleForm {
    const form: DrawRuleForm = new FormGroup({
      topic: new FormControl(rule?.topic ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(QUESTION_LIMITS.topicLength)],
      }),
      difficulty: new FormControl<QuestionDifficulty | null>(rule?.difficulty ?? null),
      count: new FormControl<number | null>(rule?.count ?? 1, {
        validators: [
          Validators.required,
          Validators.min(1),
          Validators.max(L.maxQuestions),
          wholeNumber,
          (control) => this.checkAvailable(control),
        ],
      }),
    });
    const recheck = () => form.controls.count.updateValueAndValidity({ emitEvent: false });
    form.controls.topic.valueChanges.subscribe(recheck);
    form.controls.difficulty.valueChanges.subscribe(recheck);
    return form;
  }

  /** A count above what the bank holds for the rule's topic and difficulty cannot be drawn. */
  private checkAvailable(count: AbstractControl<number | null>): ValidationErrors | null {
    const rule = count.parent as DrawRuleForm | null;
    if (rule === null || count.value === null) return null;
    const available = availableFor(this.topics, rule.controls.topic.value, rule.controls.difficulty.value);
    return available !== null && count.value > available ? { available: { available } } : null;
  }

  private follow(): void {
    const rules = this.rules.getRawValue();
    this.totalQuestions.set(totalQuestions(rules));
    this.available.set(rules.map((rule) => availableFor(this.topics, rule.topic, rule.difficulty)));
  }
}

function isEditableWithAttempts(field: QuizField): boolean {
  return (QUIZ_FIELDS_EDITABLE_WITH_ATTEMPTS as readonly string[]).includes(field);
}

/** A complete `datetime-local` value. */
function localDateTime(control: AbstractControl<string>): ValidationErrors | null {
  return control.value === '' || fromVietnamLocalInput(control.value) !== null ? null : { dateTime: true };
}
