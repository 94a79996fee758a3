import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { filter, firstValueFrom } from 'rxjs';
import { LANGUAGE_STORAGE_KEY, Language, LanguageStore } from './language-store';
import { provideI18n } from './provide-i18n';

const greetings = {
  vi: { test: { greeting: 'Xin chào, {{name}}!' } },
  en: async () => ({ test: { greeting: 'Hello, {{name}}!' } }),
};

function setUp(): { store: LanguageStore; transloco: TranslocoService } {
  TestBed.configureTestingModule({ providers: [provideI18n(greetings)] });
  return { store: TestBed.inject(LanguageStore), transloco: TestBed.inject(TranslocoService) };
}

/** Switches and waits for the switch: English arrives from a lazy chunk, after `use()` returns. */
async function switchTo(
  store: LanguageStore,
  transloco: TranslocoService,
  language: Language,
): Promise<void> {
  store.use(language);
  await firstValueFrom(transloco.langChanges$.pipe(filter((active) => active === language)));
}

describe(LanguageStore.name, () => {
  beforeEach(() => localStorage.clear());

  it('starts in Vietnamese', async () => {
    const { store, transloco } = setUp();
    await firstValueFrom(store.init());

    expect(store.language()).toBe('vi');
    expect(transloco.translate('test.greeting', { name: 'Lan' })).toBe('Xin chào, Lan!');
    expect(document.documentElement.lang).toBe('vi');
  });

  it('switches to English and remembers the choice', async () => {
    const { store, transloco } = setUp();
    await firstValueFrom(store.init());

    await switchTo(store, transloco, 'en');

    expect(store.language()).toBe('en');
    expect(transloco.translate('test.greeting', { name: 'Lan' })).toBe('Hello, Lan!');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a language it does not offer', async () => {
    const { store, transloco } = setUp();
    await firstValueFrom(store.init());

    store.use('fr');

    expect(store.language()).toBe('vi');
    expect(transloco.getActiveLang()).toBe('vi');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('comes back in the remembered language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const { store, transloco } = setUp();
    await firstValueFrom(store.init());

    expect(store.language()).toBe('en');
    expect(transloco.getActiveLang()).toBe('en');
  });

  it('ignores an unknown stored language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(setUp().store.language()).toBe('vi');
  });

  it('translates the core strings in both languages', async () => {
    const { store, transloco } = setUp();
    await firstValueFrom(store.init());
    expect(transloco.translate('problems.auth.invalid-credentials')).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    await switchTo(store, transloco, 'en');
    expect(transloco.translate('problems.auth.invalid-credentials')).toBe('Wrong username or password.');
  });
});
