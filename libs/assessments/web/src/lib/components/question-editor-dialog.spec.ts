import { HttpTestingController } from '@angular/common/http/testing';
import { Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { QuestionResponse } from '@thuchoc/assessments/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import { QuestionBankStore } from '../data-access/question-bank.store';
import {
  BANK_URL,
  COURSE_ID,
  makeQuestion,
  pageOf,
  problem,
  provideQuestionBankTesting,
} from '../testing/make-question';
import { QuestionEditorDialog, QuestionEditorData } from './question-editor-dialog';

describe(QuestionEditorDialog.name, () => {
  let backend: HttpTestingController;
  let closed: jest.Mock;

  const container = () => {
    const element = document.querySelector<HTMLElement>('mat-dialog-container');
    if (element === null) throw new Error('no dialog');
    return element;
  };

  function type(selector: string, value: string): void {
    const input = container().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (input === null) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function open(question: QuestionResponse | null): Promise<void> {
    const store = TestBed.inject(QuestionBankStore);
    store.open(COURSE_ID, { withCourse: false });
    backend.expectOne((r) => r.url === BANK_URL).flush(pageOf([]));
    backend.expectOne(`${BANK_URL}/topics`).flush([]);
    const injector = Injector.create({
      providers: [{ provide: QuestionBankStore, useValue: store }],
      parent: TestBed.inject(Injector),
    });
    closed = jest.fn();
    TestBed.inject(MatDialog)
      .open<QuestionEditorDialog, QuestionEditorData, QuestionResponse>(QuestionEditorDialog, {
        injector,
        data: { question, topics: ['Lịch sử Đảng'] },
      })
      .afterClosed()
      .subscribe(closed);
    await settle();
  }

  async function settle(): Promise<void> {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  async function submit(): Promise<void> {
    container().querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
  }

  beforeEach(async () => {
    // jsdom does not scroll; the dialog brings the first error into view.
    Element.prototype.scrollIntoView = jest.fn();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...provideQuestionBankTesting(), QuestionBankStore] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('shows the API’s “no correct option” next to the options and keeps everything typed', async () => {
    await open(null);
    type('input[formControlName="topic"]', 'Lịch sử Đảng');
    type('textarea[formControlName="stem"]', 'Đảng Cộng sản Việt Nam ra đời năm nào?');
    ['1930', '1945', '1954', '1975'].forEach((text, index) =>
      type(`[data-testid="option"]:nth-of-type(${index + 1}) input[matInput]`, text),
    );
    await submit();

    const request = backend.expectOne({ method: 'POST', url: BANK_URL });
    expect(request.request.body.options.every((o: { isCorrect: boolean }) => !o.isCorrect)).toBe(true);
    request.flush(
      problem(400, 'question.invalid', [
        { field: 'options', messages: ['Câu một lựa chọn cần đúng một phương án đúng (đang có 0).'] },
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(container().querySelector('[role="alert"]')?.textContent).toContain('Câu hỏi chưa đúng quy tắc');
    expect(container().querySelector('[data-testid="options-error"]')?.textContent).toContain(
      'cần đúng một phương án đúng',
    );
    expect(container().querySelector<HTMLTextAreaElement>('textarea[formControlName="stem"]')?.value).toBe(
      'Đảng Cộng sản Việt Nam ra đời năm nào?',
    );
    expect(closed).not.toHaveBeenCalled();
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();

    // Choosing the correct option clears the error; saving again closes the dialog with the question.
    container().querySelector<HTMLInputElement>('[data-testid="option"] input[type="radio"]')?.click();
    await settle();
    expect(container().querySelector('[data-testid="options-error"]')).toBeNull();
    await submit();
    const second = backend.expectOne({ method: 'POST', url: BANK_URL });
    expect(second.request.body.options[0]).toEqual({ text: '1930', isCorrect: true });
    second.flush(makeQuestion());
    backend.expectOne((r) => r.url === BANK_URL).flush(pageOf([makeQuestion()]));
    backend.expectOne(`${BANK_URL}/topics`).flush([]);
    await settle();
    expect(closed).toHaveBeenCalledWith(makeQuestion());
  });

  it('edits a question with a PATCH of its whole content', async () => {
    await open(makeQuestion({ title: 'Năm thành lập' }));
    type('input[formControlName="title"]', 'Năm thành lập Đảng');
    await submit();

    const request = backend.expectOne({ method: 'PATCH', url: `${BANK_URL}/question-1` });
    expect(request.request.body).toMatchObject({
      title: 'Năm thành lập Đảng',
      options: [
        { text: '1930', isCorrect: true },
        { text: '1945', isCorrect: false },
      ],
    });
    request.flush(makeQuestion({ title: 'Năm thành lập Đảng', version: 2 }));
    backend.expectOne(`${BANK_URL}/topics`).flush([]);
    await settle();
    expect(closed).toHaveBeenCalledWith(expect.objectContaining({ version: 2 }));
  });
});
