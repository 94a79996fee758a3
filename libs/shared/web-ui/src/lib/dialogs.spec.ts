import { HttpErrorResponse } from '@angular/common/http';
import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { Observable, of, throwError } from 'rxjs';
import { ConfirmDialog, ConfirmDialogData } from './confirm-dialog';
import { DialogFormSubmission, ReasonDialog, ReasonDialogData } from './reason-dialog';
import { uiTranslations } from './ui.translations';

const vi = {
  ...uiTranslations.vi,
  common: { cancel: 'Huỷ' },
  test: {
    title: 'Từ chối',
    label: 'Lý do',
    optional: 'Lý do (không bắt buộc)',
    submit: 'Gửi',
    confirm: 'Xoá',
  },
};

/** Like web-core's `FormSubmission`, without the problem translation. */
function fakeSubmission(form: FormGroup): DialogFormSubmission {
  const error = signal<string | null>(null);
  return {
    isSaving: signal(false),
    error,
    submit<T>(request: () => Observable<T>, onSuccess: (value: T) => void): void {
      if (form.invalid) {
        form.markAllAsTouched();
        return;
      }
      error.set(null);
      request().subscribe({ next: onSuccess, error: () => error.set('Không gửi được.') });
    },
  };
}

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`);

describe('shared dialogs', () => {
  beforeEach(() => {
    // jsdom has no layout, so the CDK finds the initially focused field "not focusable".
    const warn = console.warn.bind(console);
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('cdkFocusInitial')) warn(...args);
    });
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { vi },
          translocoConfig: { availableLangs: ['vi'], defaultLang: 'vi' },
          preloadLangs: true,
        }),
      ],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    jest.restoreAllMocks();
  });

  async function openReason(data: Partial<ReasonDialogData<string>>) {
    const dialogRef = TestBed.inject(MatDialog).open<ReasonDialog<string>, ReasonDialogData<string>, string>(
      ReasonDialog,
      {
        data: {
          title: 'test.title',
          message: 'Nguyễn Văn An',
          submitLabel: 'test.submit',
          reasonLabel: 'test.label',
          isReasonRequired: true,
          submission: fakeSubmission,
          submit: () => of('done'),
          ...data,
        },
      },
    );
    await TestBed.inject(ApplicationRef).whenStable();
    let closedWith: string | undefined = 'open';
    dialogRef.afterClosed().subscribe((answer) => (closedWith = answer));
    return { closed: () => closedWith };
  }

  async function type(text: string): Promise<void> {
    const input = byTestId<HTMLTextAreaElement>('reason-input');
    if (input === null) throw new Error('no reason field');
    input.value = text;
    input.dispatchEvent(new Event('input'));
    byTestId('reason-submit')?.click();
    await TestBed.inject(ApplicationRef).whenStable();
  }

  it('sends a required reason trimmed, and closes with the answer', async () => {
    const submit = jest.fn((reason: string | undefined) => of(`ok:${reason}`));
    const dialog = await openReason({ submit });
    const host = document.querySelector('th-reason-dialog');
    expect(host?.textContent).toContain('Từ chối');
    expect(host?.textContent).toContain('Nguyễn Văn An');
    expect(host?.querySelector('mat-label')?.textContent).toContain('Lý do');

    await type('   ');
    expect(submit).not.toHaveBeenCalled();

    await type('  Ốm  ');
    expect(submit).toHaveBeenCalledWith('Ốm');
    expect(dialog.closed()).toBe('ok:Ốm');
  });

  it('checks the bounds the caller gives', async () => {
    const submit = jest.fn(() => of('ok'));
    await openReason({ submit, minLength: 5, maxLength: 10 });
    await type('abc');
    await type('abcdefghijk');
    expect(submit).not.toHaveBeenCalled();
    await type('abcdef');
    expect(submit).toHaveBeenCalledWith('abcdef');
  });

  it('sends an empty optional reason as undefined, and requires one when the API asks for it', async () => {
    const refused = new HttpErrorResponse({
      status: 422,
      error: { type: 'about:blank', title: 'Cần lý do', status: 422, code: 'class.reason-required' },
    });
    const submit = jest.fn((reason: string | undefined) =>
      reason === undefined ? throwError(() => refused) : of('ok'),
    );
    const dialog = await openReason({
      submit,
      isReasonRequired: false,
      optionalReasonLabel: 'test.optional',
    });
    const label = () => document.querySelector('th-reason-dialog mat-label')?.textContent ?? '';
    expect(label()).toContain('không bắt buộc');

    await type('');
    expect(submit).toHaveBeenCalledWith(undefined);
    expect(document.querySelector('th-reason-dialog')?.textContent).toContain('Không gửi được.');
    expect(label()).not.toContain('không bắt buộc');

    submit.mockClear();
    await type('');
    expect(submit).not.toHaveBeenCalled();
    expect(dialog.closed()).toBe('open');
  });

  it('confirms with true', async () => {
    let closedWith: boolean | undefined;
    TestBed.inject(MatDialog)
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { message: 'Xoá buổi học?', confirmLabel: 'test.confirm' },
      })
      .afterClosed()
      .subscribe((answer) => (closedWith = answer));
    await TestBed.inject(ApplicationRef).whenStable();
    const host = document.querySelector('th-confirm-dialog');
    expect(host?.textContent).toContain('Xoá buổi học?');
    expect(host?.textContent).toContain('Huỷ');
    byTestId('confirm-submit')?.click();
    await TestBed.inject(ApplicationRef).whenStable();
    expect(closedWith).toBe(true);
  });
});
