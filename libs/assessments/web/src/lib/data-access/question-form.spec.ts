import { HttpErrorResponse } from '@angular/common/http';
import { QuestionDifficulty, QuestionType } from '@thuchoc/assessments/contracts';
import { makeQuestion, problem } from '../testing/make-question';
import { QuestionForm } from './question-form';

function fillChoice(form: QuestionForm, texts: string[]): void {
  form.group.patchValue({ topic: '  Lịch sử Đảng ', stem: ' Đảng ra đời năm nào? ' });
  texts.forEach((text, index) => form.options.at(index).controls.text.setValue(text));
}

const refusal = (errors: { field: string; messages: string[] }[]) =>
  new HttpErrorResponse({ status: 400, error: problem(400, 'question.invalid', errors) });

describe(QuestionForm.name, () => {
  it('starts a new question as single choice with four empty options, medium, 1 point', () => {
    const form = new QuestionForm(null, { topic: 'Tư tưởng Hồ Chí Minh' });

    expect(form.type).toBe(QuestionType.SingleChoice);
    expect(form.options.length).toBe(4);
    expect(form.group.controls.difficulty.value).toBe(QuestionDifficulty.Medium);
    expect(form.group.controls.points.value).toBe(1);
    expect(form.group.controls.topic.value).toBe('Tư tưởng Hồ Chí Minh');
    expect(form.acceptedAnswers.disabled).toBe(true);
  });

  it('sends trimmed text, only the options of a choice question, and null for empty optionals', () => {
    const form = new QuestionForm(null);
    fillChoice(form, ['1930', '1945', '1954', '1975']);
    form.markOnlyCorrect(0);

    expect(form.group.valid).toBe(true);
    expect(form.request()).toEqual({
      type: QuestionType.SingleChoice,
      topic: 'Lịch sử Đảng',
      difficulty: QuestionDifficulty.Medium,
      title: null,
      stem: 'Đảng ra đời năm nào?',
      options: [
        { text: '1930', isCorrect: true },
        { text: '1945', isCorrect: false },
        { text: '1954', isCorrect: false },
        { text: '1975', isCorrect: false },
      ],
      acceptedAnswers: [],
      acceptWithoutDiacritics: false,
      points: 1,
      explanation: null,
    });
  });

  it('keeps a single correct option when another is marked', () => {
    const form = new QuestionForm(null);
    form.markOnlyCorrect(1);
    form.markOnlyCorrect(3);

    expect(form.options.getRawValue().map((option) => option.isCorrect)).toEqual([false, false, false, true]);
  });

  it('adds, removes and reorders options, within 2 to 10', () => {
    const form = new QuestionForm(null);
    fillChoice(form, ['A', 'B', 'C', 'D']);
    form.moveOption(2, -1);
    form.moveOption(0, -1);
    form.removeOption(3);
    for (let i = 0; i < 10; i++) form.addOption();

    const texts = form.options.getRawValue().map((option) => option.text);
    expect(texts.slice(0, 3)).toEqual(['A', 'C', 'B']);
    expect(form.options.length).toBe(10);
  });

  it('gives a true/false question the fixed Đúng/Sai and brings the typed options back after', () => {
    const form = new QuestionForm(null);
    fillChoice(form, ['1930', '1945', '1954', '1975']);

    form.changeType(QuestionType.TrueFalse);
    form.markOnlyCorrect(1);
    expect(form.request().options).toEqual([
      { text: 'Đúng', isCorrect: false },
      { text: 'Sai', isCorrect: true },
    ]);
    expect(form.options.at(0).controls.text.disabled).toBe(true);

    form.changeType(QuestionType.MultipleChoice);
    expect(form.options.getRawValue().map((option) => option.text)).toEqual(['1930', '1945', '1954', '1975']);
    expect(form.options.at(0).controls.text.enabled).toBe(true);
  });

  it('sends accepted answers and the no-diacritics choice only for a short answer', () => {
    const form = new QuestionForm(null);
    form.group.patchValue({ topic: 'Đảng', stem: 'Tên Đảng năm 1930?' });
    form.changeType(QuestionType.ShortAnswer);
    form.acceptedAnswers.at(0).setValue(' Đảng Cộng sản Việt Nam ');
    form.addAcceptedAnswer();
    form.acceptedAnswers.at(1).setValue('Đảng Cộng sản Đông Dương');
    form.group.controls.acceptWithoutDiacritics.setValue(true);

    expect(form.group.valid).toBe(true);
    expect(form.request()).toMatchObject({
      type: QuestionType.ShortAnswer,
      options: [],
      acceptedAnswers: ['Đảng Cộng sản Việt Nam', 'Đảng Cộng sản Đông Dương'],
      acceptWithoutDiacritics: true,
    });

    form.changeType(QuestionType.Essay);
    expect(form.group.valid).toBe(true);
    expect(form.request()).toMatchObject({
      options: [],
      acceptedAnswers: [],
      acceptWithoutDiacritics: false,
    });
  });

  it('opens an existing question with its content', () => {
    const form = new QuestionForm(
      makeQuestion({
        type: QuestionType.TrueFalse,
        options: [
          { text: 'Đúng', isCorrect: true },
          { text: 'Sai', isCorrect: false },
        ],
      }),
    );

    expect(form.type).toBe(QuestionType.TrueFalse);
    expect(form.options.at(1).controls.text.disabled).toBe(true);
    expect(form.request().options[0]).toEqual({ text: 'Đúng', isCorrect: true });
  });

  it('puts the API field errors on the part they name, and on the nearest part that exists', () => {
    const form = new QuestionForm(null);
    fillChoice(form, ['1930', '1930', '1954', '1975']);

    const applied = form.applyErrors(
      refusal([
        { field: 'options', messages: ['Câu một lựa chọn cần đúng một phương án đúng (đang có 0).'] },
        { field: 'options.1.text', messages: ['Phương án bị trùng.'] },
        { field: 'options.12.text', messages: ['Phương án không được để trống.'] },
        { field: 'stem', messages: ['Nội dung câu hỏi dài tối đa 5000 ký tự.'] },
        { field: 'unknown', messages: ['?'] },
      ]),
    );

    expect(applied).toBe(true);
    expect(form.options.errors).toEqual({
      server: 'Câu một lựa chọn cần đúng một phương án đúng (đang có 0). Phương án không được để trống.',
    });
    expect(form.options.at(1).controls.text.errors).toEqual({ server: 'Phương án bị trùng.' });
    expect(form.group.controls.stem.errors).toEqual({ server: 'Nội dung câu hỏi dài tối đa 5000 ký tự.' });
    // What was typed stays.
    expect(form.options.at(0).controls.text.value).toBe('1930');

    // Marking a correct option clears the options' error.
    form.markOnlyCorrect(0);
    expect(form.options.errors).toBeNull();
  });
});
