import {
  CHOICE_TYPES,
  QUESTION_LIMITS,
  QUESTION_TYPE_LABELS,
  QuestionContent,
  QuestionOption,
  QuestionType,
  TRUE_FALSE_OPTIONS,
} from '@thuchoc/assessments/contracts';
import { badRequest } from '@thuchoc/shared/api-core';
import type { FieldError } from '@thuchoc/shared/contracts';
import { normaliseAnswer } from './short-answer';

const text = (value: string) => value.normalize('NFC').trim();
/** A topic as stored: NFC, trimmed, white space collapsed. */
export const cleanTopic = (topic: string) => text(topic).replace(/\s+/gu, ' ');
const optionalText = (value: string | null) => (value === null ? null : text(value) || null);
const typeName = (type: QuestionType) => QUESTION_TYPE_LABELS[type].toLocaleLowerCase('vi');

/**
 * A question as it is stored: text in NFC and trimmed, the topic's white
 * space collapsed, empty title and explanation as null, the true/false options
 * spelled as TRUE_FALSE_OPTIONS, and `acceptWithoutDiacritics` only kept on
 * short answers (it means nothing elsewhere).
 */
export function cleanQuestion(content: QuestionContent): QuestionContent {
  const options = content.options.map((option) => ({ text: text(option.text), isCorrect: option.isCorrect }));
  return {
    type: content.type,
    topic: cleanTopic(content.topic),
    difficulty: content.difficulty,
    title: optionalText(content.title),
    stem: text(content.stem),
    options: content.type === QuestionType.TrueFalse ? spellTrueFalse(options) : options,
    acceptedAnswers: content.acceptedAnswers.map(text),
    acceptWithoutDiacritics: content.type === QuestionType.ShortAnswer && content.acceptWithoutDiacritics,
    points: content.points,
    explanation: optionalText(content.explanation),
  };
}

function spellTrueFalse(options: QuestionOption[]): QuestionOption[] {
  return options.map((option, index) =>
    normaliseAnswer(option.text) === normaliseAnswer(TRUE_FALSE_OPTIONS[index] ?? '')
      ? { ...option, text: TRUE_FALSE_OPTIONS[index] }
      : option,
  );
}

/**
 * Every rule a (cleaned) question breaks, as field errors; none when it is
 * sound. The rules of each type:
 * - single choice: 2–10 options, exactly one correct;
 * - multiple choice: 2–10 options, at least one correct;
 * - true/false: exactly the options `Đúng`, `Sai`, one of them correct;
 * - short answer: 1–20 accepted answers, no options;
 * - essay: no options and no accepted answers.
 * Options (and accepted answers) must differ from each other after normalisation.
 */
export function questionProblems(question: QuestionContent): FieldError[] {
  const errors = new FieldErrors();
  const L = QUESTION_LIMITS;
  errors.check('topic', question.topic !== '', 'Chủ đề không được để trống.');
  errors.check('topic', question.topic.length <= L.topicLength, `Chủ đề dài tối đa ${L.topicLength} ký tự.`);
  errors.check(
    'title',
    (question.title ?? '').length <= L.titleLength,
    `Tiêu đề dài tối đa ${L.titleLength} ký tự.`,
  );
  errors.check('stem', question.stem !== '', 'Nội dung câu hỏi không được để trống.');
  errors.check(
    'stem',
    question.stem.length <= L.stemLength,
    `Nội dung câu hỏi dài tối đa ${L.stemLength} ký tự.`,
  );
  errors.check(
    'explanation',
    (question.explanation ?? '').length <= L.explanationLength,
    `Giải thích dài tối đa ${L.explanationLength} ký tự.`,
  );
  errors.check(
    'points',
    Number.isFinite(question.points) &&
      question.points > 0 &&
      question.points <= L.maxPoints &&
      Math.abs(question.points * 100 - Math.round(question.points * 100)) < 1e-6,
    `Điểm là số dương, tối đa ${L.maxPoints}, lẻ đến 0,01.`,
  );
  if (CHOICE_TYPES.includes(question.type)) {
    checkOptions(errors, question);
    errors.check(
      'acceptedAnswers',
      question.acceptedAnswers.length === 0,
      'Câu trắc nghiệm không có đáp án dạng chữ.',
    );
  } else {
    errors.check(
      'options',
      question.options.length === 0,
      `Câu ${typeName(question.type)} không có phương án.`,
    );
    if (question.type === QuestionType.ShortAnswer) checkAcceptedAnswers(errors, question.acceptedAnswers);
    else
      errors.check('acceptedAnswers', question.acceptedAnswers.length === 0, 'Câu tự luận không có đáp án.');
  }
  return errors.list();
}

function checkOptions(errors: FieldErrors, question: QuestionContent): void {
  const { options, type } = question;
  const L = QUESTION_LIMITS;
  options.forEach((option, index) => {
    errors.check(`options.${index}.text`, option.text !== '', 'Phương án không được để trống.');
    errors.check(
      `options.${index}.text`,
      option.text.length <= L.optionLength,
      `Phương án dài tối đa ${L.optionLength} ký tự.`,
    );
  });
  errors.check('options', isDistinct(options.map((option) => option.text)), 'Các phương án phải khác nhau.');
  const correct = options.filter((option) => option.isCorrect).length;
  switch (type) {
    case QuestionType.SingleChoice:
    case QuestionType.MultipleChoice:
      errors.check(
        'options',
        options.length >= L.minOptions && options.length <= L.maxOptions,
        `Câu ${typeName(type)} cần từ ${L.minOptions} đến ${L.maxOptions} phương án (đang có ${options.length}).`,
      );
      if (type === QuestionType.SingleChoice)
        errors.check(
          'options',
          correct === 1,
          `Câu một lựa chọn cần đúng một phương án đúng (đang có ${correct}).`,
        );
      else errors.check('options', correct >= 1, 'Câu nhiều lựa chọn cần ít nhất một phương án đúng.');
      break;
    case QuestionType.TrueFalse:
      errors.check(
        'options',
        options.length === 2 && options.every((option, index) => option.text === TRUE_FALSE_OPTIONS[index]),
        `Câu Đúng/Sai có đúng hai phương án "${TRUE_FALSE_OPTIONS[0]}" và "${TRUE_FALSE_OPTIONS[1]}".`,
      );
      errors.check('options', correct === 1, 'Câu Đúng/Sai cần đúng một phương án đúng.');
      break;
    case QuestionType.ShortAnswer:
    case QuestionType.Essay:
      break;
  }
}

function checkAcceptedAnswers(errors: FieldErrors, answers: readonly string[]): void {
  const L = QUESTION_LIMITS;
  errors.check(
    'acceptedAnswers',
    answers.length >= 1 && answers.length <= L.maxAcceptedAnswers,
    `Câu trả lời ngắn cần từ 1 đến ${L.maxAcceptedAnswers} đáp án được chấp nhận.`,
  );
  answers.forEach((answer, index) => {
    errors.check(`acceptedAnswers.${index}`, answer !== '', 'Đáp án không được để trống.');
    errors.check(
      `acceptedAnswers.${index}`,
      answer.length <= L.acceptedAnswerLength,
      `Đáp án dài tối đa ${L.acceptedAnswerLength} ký tự.`,
    );
  });
  errors.check('acceptedAnswers', isDistinct(answers), 'Các đáp án phải khác nhau.');
}

/** Throws 400 `question.invalid` with the field errors when the question breaks a rule. */
export function assertQuestion(question: QuestionContent): void {
  const errors = questionProblems(question);
  if (errors.length > 0) {
    throw badRequest('question.invalid', 'The question breaks the rules of its type.', errors);
  }
}

function isDistinct(texts: readonly string[]): boolean {
  const seen = texts.filter((value) => value !== '').map(normaliseAnswer);
  return new Set(seen).size === seen.length;
}

/** Field errors in order, messages of one field grouped. */
export class FieldErrors {
  private readonly byField = new Map<string, string[]>();

  check(field: string, isSound: boolean, message: string): void {
    if (isSound) return;
    const messages = this.byField.get(field);
    if (messages) messages.push(message);
    else this.byField.set(field, [message]);
  }

  list(): FieldError[] {
    return [...this.byField].map(([field, messages]) => ({ field, messages }));
  }
}
