import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { FieldErrorPipe } from './field-error.pipe';
import { uiTranslations } from './ui.translations';

describe(FieldErrorPipe.name, () => {
  let pipe: FieldErrorPipe;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { vi: uiTranslations.vi, en: await uiTranslations.en() },
          translocoConfig: { availableLangs: ['vi', 'en'], defaultLang: 'vi' },
          preloadLangs: true,
        }),
      ],
    });
    pipe = TestBed.runInInjectionContext(() => new FieldErrorPipe());
  });

  it('shows a message the API sent for the field as it is', () => {
    expect(pipe.transform({ server: 'Tên đăng nhập này đã được dùng.', required: true })).toBe(
      'Tên đăng nhập này đã được dùng.',
    );
  });

  it('names the minimum length', () => {
    expect(pipe.transform({ minlength: { requiredLength: 10, actualLength: 3 } })).toBe(
      'Cần ít nhất 10 ký tự.',
    );
  });

  it('follows the active language', () => {
    TestBed.inject(TranslocoService).setActiveLang('en');
    expect(pipe.transform({ required: true })).toBe('This field is required.');
  });

  it('has a generic message for a validator it does not know', () => {
    expect(pipe.transform({ pattern: { requiredPattern: '^x$' } })).toBe('Giá trị chưa hợp lệ.');
  });

  it('is empty without errors', () => {
    expect(pipe.transform(null)).toBe('');
  });
});
