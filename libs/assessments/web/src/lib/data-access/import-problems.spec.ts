import { HttpErrorResponse } from '@angular/common/http';
import { importProblems } from './import-problems';

function refusal(errors: { field: string; messages: string[] }[]): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 400,
    error: {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'question-import.invalid',
      errors,
    },
  });
}

describe(importProblems.name, () => {
  it('reads sheet rows with their field, and GIFT questions with or without one', () => {
    const problems = importProblems(
      refusal([
        { field: 'rows.5.options.1.text', messages: ['Phương án không được để trống.'] },
        { field: 'questions.2', messages: ['Dòng 7: Câu hỏi dạng ghép cặp chưa được hỗ trợ.'] },
        {
          field: 'questions.3.options',
          messages: ['Câu một lựa chọn cần đúng một phương án đúng (đang có 0).'],
        },
      ]),
    );

    expect(problems).toEqual([
      { place: 'row', number: 5, field: 'options', messages: ['Phương án không được để trống.'] },
      {
        place: 'question',
        number: 2,
        field: null,
        messages: ['Dòng 7: Câu hỏi dạng ghép cặp chưa được hỗ trợ.'],
      },
      {
        place: 'question',
        number: 3,
        field: 'options',
        messages: ['Câu một lựa chọn cần đúng một phương án đúng (đang có 0).'],
      },
    ]);
  });

  it('keeps a problem of the whole file, and finds none in an error without a body', () => {
    expect(importProblems(refusal([{ field: 'file', messages: ['Tệp không có câu hỏi nào.'] }]))).toEqual([
      { place: 'file', number: null, field: null, messages: ['Tệp không có câu hỏi nào.'] },
    ]);
    expect(importProblems(new HttpErrorResponse({ status: 0 }))).toEqual([]);
  });
});
