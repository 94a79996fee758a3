import { HttpErrorResponse } from '@angular/common/http';
import { AnswersShown, QuestionDifficulty } from '@thuchoc/assessments/contracts';
import { makeQuiz, makeTopic, problem } from '../testing/quiz-fixtures';
import { QuizForm, availableFor } from './quiz-form';

const TOPICS = [
  makeTopic(),
  makeTopic({ topic: 'Tư tưởng Hồ Chí Minh', total: 5, byDifficulty: { easy: 0, medium: 5, hard: 0 } }),
];

function refusal(errors: { field: string; messages: string[] }[]): HttpErrorResponse {
  return new HttpErrorResponse({ status: 400, error: problem(400, 'quiz.invalid', errors) });
}

describe(QuizForm.name, () => {
  it('starts a new quiz with one empty rule, the defaults and a week from the next full hour', () => {
    const form = new QuizForm(null, new Date('2026-03-02T01:20:00Z'));
    const value = form.group.getRawValue();

    expect(value.drawRules).toEqual([{ topic: '', difficulty: null, count: 1 }]);
    expect(value.opensAt).toBe('2026-03-02T09:00');
    expect(value.closesAt).toBe('2026-03-09T09:00');
    expect(value).toMatchObject({
      isShufflingOptions: true,
      timeLimitMinutes: 45,
      maxAttempts: 1,
      passMark: 5,
      answersShown: AnswersShown.AfterClose,
      isFinal: false,
      isPublished: false,
    });
    expect(form.group.valid).toBe(false); // no title, no topic yet
  });

  it('fills in a stored quiz, its window in Vietnam time', () => {
    const form = new QuizForm(makeQuiz());

    expect(form.group.getRawValue()).toMatchObject({
      title: 'Kiểm tra giữa khoá',
      opensAt: '2026-03-02T08:00',
      closesAt: '2026-03-09T08:00',
      drawRules: [{ topic: 'Lịch sử Đảng', difficulty: null, count: 2 }],
    });
    expect(form.group.valid).toBe(true);
    expect(form.totalQuestions()).toBe(2);
  });

  it('sends every field, text trimmed and the window as UTC', () => {
    const form = new QuizForm(makeQuiz());
    form.group.patchValue({ title: '  Kiểm tra cuối khoá ', closesAt: '2026-03-10T17:30', isFinal: true });

    expect(form.request()).toEqual({
      title: 'Kiểm tra cuối khoá',
      description: 'Làm bài trong 30 phút.',
      drawRules: [{ topic: 'Lịch sử Đảng', difficulty: null, count: 2 }],
      isShufflingOptions: true,
      opensAt: '2026-03-02T01:00:00.000Z',
      closesAt: '2026-03-10T10:30:00.000Z',
      timeLimitMinutes: 30,
      maxAttempts: 1,
      passMark: 5,
      answersShown: AnswersShown.AfterClose,
      isFinal: true,
      isPublished: false,
    });
  });

  it('adds and removes rules, keeps at least one, and totals their counts', () => {
    const form = new QuizForm(makeQuiz());
    form.addRule();
    form.rules
      .at(1)
      .patchValue({ topic: 'Tư tưởng Hồ Chí Minh', difficulty: QuestionDifficulty.Medium, count: 3 });

    expect(form.totalQuestions()).toBe(5);
    expect(form.request().drawRules[1]).toEqual({
      topic: 'Tư tưởng Hồ Chí Minh',
      difficulty: QuestionDifficulty.Medium,
      count: 3,
    });

    form.removeRule(0);
    form.removeRule(0);
    expect(form.rules.length).toBe(1);
    expect(form.totalQuestions()).toBe(3);
  });

  it('tells what the bank holds for each rule and refuses a count above it', () => {
    const form = new QuizForm(makeQuiz());
    expect(form.available()).toEqual([null]);

    form.setTopics(TOPICS);
    expect(form.available()).toEqual([3]);
    const count = form.rules.at(0).controls.count;

    count.setValue(4);
    expect(count.errors).toEqual({ available: { available: 3 } });

    // A narrower difficulty holds fewer; the count is checked again at once.
    count.setValue(2);
    form.rules.at(0).controls.difficulty.setValue(QuestionDifficulty.Medium);
    expect(form.available()).toEqual([1]);
    expect(count.errors).toEqual({ available: { available: 1 } });

    form.rules.at(0).controls.topic.setValue('Tư tưởng Hồ Chí Minh');
    expect(form.available()).toEqual([5]);
    expect(count.errors).toBeNull();
  });

  it('counts a topic the bank no longer holds as none available', () => {
    expect(availableFor(TOPICS, 'Chủ đề đã lưu trữ', null)).toBe(0);
    expect(availableFor(null, 'Lịch sử Đảng', null)).toBeNull();
    expect(availableFor(TOPICS, '', null)).toBeNull();
    expect(availableFor(TOPICS, 'Lịch sử Đảng', QuestionDifficulty.Easy)).toBe(2);
  });

  it('checks ranges and whole numbers before sending', () => {
    const form = new QuizForm(makeQuiz());
    const { timeLimitMinutes, maxAttempts, passMark } = form.group.controls;

    timeLimitMinutes.setValue(601);
    maxAttempts.setValue(1.5);
    passMark.setValue(11);

    expect(timeLimitMinutes.errors).toEqual({ max: { max: 600, actual: 601 } });
    expect(maxAttempts.errors).toEqual({ integer: true });
    expect(passMark.errors).toEqual({ max: { max: 10, actual: 11 } });
  });

  it('locks everything but title, description and publication once learners have started', () => {
    const form = new QuizForm(makeQuiz({ hasAttempts: true }));
    form.lockForAttempts();

    const enabled = Object.entries(form.group.controls)
      .filter(([, control]) => control.enabled)
      .map(([name]) => name);
    expect(enabled).toEqual(['title', 'description', 'isPublished']);
    expect(form.isLocked).toBe(true);

    form.group.patchValue({ title: 'Tên mới', isPublished: true });
    expect(form.update()).toEqual({
      title: 'Tên mới',
      description: 'Làm bài trong 30 phút.',
      isPublished: true,
    });
  });

  it('sends every field as a change while no learner has started', () => {
    const form = new QuizForm(makeQuiz());
    expect(Object.keys(form.update())).toHaveLength(12);
  });

  it('is read-only for a reader', () => {
    const form = new QuizForm(makeQuiz());
    form.makeReadOnly();
    expect(form.group.disabled).toBe(true);
  });

  it('puts the API field errors next to their fields, and re-checks the closing time when the opening time changes', () => {
    const form = new QuizForm(makeQuiz());
    form.setTopics(TOPICS);

    const applied = form.applyErrors(
      refusal([
        { field: 'closesAt', messages: ['Thời điểm đóng phải sau thời điểm mở.'] },
        { field: 'drawRules.0.count', messages: ['Ngân hàng chỉ có 1 câu hỏi phù hợp quy tắc này.'] },
        { field: 'drawRules.5.topic', messages: ['Chủ đề không được để trống.'] },
      ]),
    );

    expect(applied).toBe(true);
    expect(form.group.controls.closesAt.errors).toEqual({ server: 'Thời điểm đóng phải sau thời điểm mở.' });
    expect(form.rules.at(0).controls.count.errors?.['server']).toBe(
      'Ngân hàng chỉ có 1 câu hỏi phù hợp quy tắc này.',
    );
    // A rule that is gone: the message lands on the rules.
    expect(form.rules.errors).toEqual({ server: 'Chủ đề không được để trống.' });

    form.group.controls.opensAt.setValue('2026-03-01T08:00');
    expect(form.group.controls.closesAt.errors).toBeNull();
  });

  it('refuses an incomplete date and time', () => {
    const form = new QuizForm(makeQuiz());
    form.group.controls.opensAt.setValue('2026-03-02');
    expect(form.group.controls.opensAt.errors).toEqual({ dateTime: true });
    form.group.controls.opensAt.setValue('');
    expect(form.group.controls.opensAt.errors).toEqual({ required: true });
  });
});
