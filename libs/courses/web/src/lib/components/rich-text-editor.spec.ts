import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { provideCoursesTesting } from '../testing/make-course';
import { RichTextEditor, isSafeLink } from './rich-text-editor';

@Component({
  imports: [ReactiveFormsModule, RichTextEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<th-rich-text-editor [formControl]="body" label="Nội dung bài học" />`,
})
class EditorHost {
  readonly body = new FormControl('', { nonNullable: true });
}

describe(RichTextEditor.name, () => {
  let fixture: ComponentFixture<EditorHost>;
  let execCommand: jest.Mock;

  const area = () => (fixture.nativeElement as HTMLElement).querySelector('[role="textbox"]') as HTMLElement;
  const button = (name: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);

  beforeEach(async () => {
    // jsdom has no editing commands; the browser's are what the editor drives.
    execCommand = jest.fn().mockReturnValue(true);
    Object.assign(document, { execCommand, queryCommandState: jest.fn().mockReturnValue(false) });
    TestBed.configureTestingModule({ providers: provideCoursesTesting() });
    fixture = TestBed.createComponent(EditorHost);
    await fixture.whenStable();
  });

  it('shows the stored HTML without anything that could run', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    fixture.componentInstance.body.setValue(
      '<p>Xin <b>chào</b><img src="x" onerror="alert(1)"></p><script>alert(1)</script>',
    );
    await fixture.whenStable();

    expect(area().querySelector('b')?.textContent).toBe('chào');
    expect(area().innerHTML).not.toContain('onerror');
    expect(area().querySelector('script')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML stripped some content'));
    warn.mockRestore();
  });

  it('hands what is typed to the form, and an emptied area as empty text', () => {
    area().innerHTML = '<p>Nội dung <u>mới</u></p>';
    area().dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.body.value).toBe('<p>Nội dung <u>mới</u></p>');

    area().innerHTML = '<br>';
    area().dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.body.value).toBe('');
  });

  it('formats with the browser’s editing commands', () => {
    button('In đậm')?.click();
    button('Danh sách đánh số')?.click();

    expect(execCommand).toHaveBeenNthCalledWith(1, 'bold');
    expect(execCommand).toHaveBeenNthCalledWith(2, 'insertOrderedList');
  });

  it('turns a safe address into a link and refuses a script address', async () => {
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[aria-expanded]')?.click();
    await fixture.whenStable();
    const url = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[type="url"]');
    if (url === null) throw new Error('no link field');

    url.value = 'javascript:alert(1)';
    url.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Địa chỉ phải bắt đầu bằng');
    expect(area().querySelector('a')).toBeNull();

    url.value = 'https://tuyengiao.vn';
    url.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect(area().querySelector('a')?.getAttribute('href')).toBe('https://tuyengiao.vn');
    expect(fixture.componentInstance.body.value).toContain('href="https://tuyengiao.vn"');
  });
});

describe('isSafeLink', () => {
  it('allows web and mail addresses only', () => {
    expect(isSafeLink('https://dangcongsan.vn/')).toBe(true);
    expect(isSafeLink('mailto:trungtam@dongnai.gov.vn')).toBe(true);
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('data:text/html,x')).toBe(false);
    expect(isSafeLink('https://a b')).toBe(false);
  });
});
