import { TestBed } from '@angular/core/testing';
import { Translation } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { BundledTranslationLoader, TRANSLATION_BUNDLES, TranslationBundle } from './translations';

function setUp(bundles: TranslationBundle[]): BundledTranslationLoader {
  TestBed.configureTestingModule({
    providers: [{ provide: TRANSLATION_BUNDLES, useValue: bundles }, BundledTranslationLoader],
  });
  return TestBed.inject(BundledTranslationLoader);
}

describe(BundledTranslationLoader.name, () => {
  const englishShell = jest.fn(async () => ({ shell: { menu: 'Menu', logout: 'Sign out' } }));
  const englishForms = jest.fn(async () => ({
    shell: { title: 'ThucHoc' },
    forms: { required: 'Required.' },
  }));
  const bundles: TranslationBundle[] = [
    { vi: { shell: { menu: 'Trình đơn', logout: 'Đăng xuất' } }, en: englishShell },
    { vi: { shell: { title: 'ThucHoc' }, forms: { required: 'Bắt buộc.' } }, en: englishForms },
  ];

  beforeEach(() => jest.clearAllMocks());

  it('serves Vietnamese at once, merged from every bundle, without fetching English', () => {
    let served: Translation | undefined;
    setUp(bundles)
      .getTranslation('vi')
      .subscribe((translation) => (served = translation));

    expect(served).toEqual({
      shell: { menu: 'Trình đơn', logout: 'Đăng xuất', title: 'ThucHoc' },
      forms: { required: 'Bắt buộc.' },
    });
    expect(englishShell).not.toHaveBeenCalled();
    expect(englishForms).not.toHaveBeenCalled();
  });

  it('serves English merged from every bundle’s lazy loader', async () => {
    const served = await firstValueFrom(setUp(bundles).getTranslation('en'));

    expect(served).toEqual({
      shell: { menu: 'Menu', logout: 'Sign out', title: 'ThucHoc' },
      forms: { required: 'Required.' },
    });
    expect(englishShell).toHaveBeenCalledTimes(1);
    expect(englishForms).toHaveBeenCalledTimes(1);
  });

  it('serves Vietnamese for a language it does not offer', () => {
    let served: Translation | undefined;
    setUp(bundles)
      .getTranslation('fr')
      .subscribe((translation) => (served = translation));

    expect(served).toEqual(expect.objectContaining({ forms: { required: 'Bắt buộc.' } }));
    expect(englishShell).not.toHaveBeenCalled();
  });
});
