import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject, firstValueFrom, of, throwError } from 'rxjs';
import { LanguageStore } from '../i18n/language-store';
import { provideI18n } from '../i18n/provide-i18n';
import { FormSubmission, FormSubmissionOptions } from './form-submission';

function makeForm(username = 'lan'): FormGroup<{ username: FormControl<string> }> {
  return new FormGroup({
    username: new FormControl(username, { nonNullable: true, validators: Validators.required }),
  });
}

const invalidUsername = new HttpErrorResponse({
  error: {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'Dữ liệu không hợp lệ',
    errors: [{ field: 'username', messages: ['đã có người dùng'] }],
  },
  status: 400,
});

describe(FormSubmission.name, () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  function makeSubmission(form = makeForm(), options?: FormSubmissionOptions): FormSubmission {
    return TestBed.runInInjectionContext(() => new FormSubmission(form, options));
  }

  it('hands the response to onSuccess and stays saving while the page leaves', () => {
    const submission = makeSubmission();
    const onSuccess = jest.fn();

    submission.submit(() => of('/home'), onSuccess);

    expect(onSuccess).toHaveBeenCalledWith('/home');
    expect(submission.isSaving()).toBe(true);
    expect(submission.error()).toBeNull();
  });

  it('ends saving after a success when the form is reusable', () => {
    const submission = makeSubmission(makeForm(), { isReusable: true });

    submission.submit(() => of(undefined), jest.fn());

    expect(submission.isSaving()).toBe(false);
  });

  it('shows the message and puts field errors under their fields', () => {
    const form = makeForm();
    const submission = makeSubmission(form);
    const onSuccess = jest.fn();

    submission.submit(() => throwError(() => invalidUsername), onSuccess);

    expect(onSuccess).not.toHaveBeenCalled();
    expect(submission.error()).toBe('Dữ liệu không hợp lệ');
    expect(form.controls.username.errors).toEqual({ server: 'đã có người dùng' });
    expect(form.controls.username.touched).toBe(true);
    expect(submission.isSaving()).toBe(false);
  });

  it('clears the last error when the form is sent again', () => {
    const submission = makeSubmission();
    submission.submit(() => throwError(() => new Error('Hỏng')), jest.fn());
    expect(submission.error()).toBe('Hỏng');

    submission.submit(() => new Subject<never>(), jest.fn());

    expect(submission.error()).toBeNull();
  });

  it('does not send an invalid form, and shows its errors', () => {
    const form = makeForm('');
    const submission = makeSubmission(form);
    const request = jest.fn(() => of('sent'));

    submission.submit(request, jest.fn());

    expect(request).not.toHaveBeenCalled();
    expect(form.controls.username.touched).toBe(true);
    expect(submission.isSaving()).toBe(false);
  });

  it('ignores a second submit while the first is saving', () => {
    const submission = makeSubmission();
    const response = new Subject<string>();
    const onSuccess = jest.fn();
    const second = jest.fn(() => of('second'));

    submission.submit(() => response, onSuccess);
    submission.submit(second, onSuccess);
    response.next('first');

    expect(second).not.toHaveBeenCalled();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith('first');
  });

  it('shows the failure of another request without touching the fields', () => {
    const form = makeForm();
    const submission = makeSubmission(form);

    submission.showError(invalidUsername);

    expect(submission.error()).toBe('Dữ liệu không hợp lệ');
    expect(form.controls.username.errors).toBeNull();
  });
});
