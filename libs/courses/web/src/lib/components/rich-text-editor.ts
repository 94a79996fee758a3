import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  SecurityContext,
  afterNextRender,
  forwardRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTooltipModule } from '@angular/material/tooltip';
import { DomSanitizer } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';

/** The formatting the editor offers: the browser's own editing commands on a contenteditable area. */
export type FormatCommand = 'bold' | 'italic' | 'underline' | 'insertUnorderedList' | 'insertOrderedList';

interface FormatButton {
  command: FormatCommand;
  label: string;
  glyph: string;
}

const FORMAT_BUTTONS: readonly FormatButton[] = [
  { command: 'bold', label: 'courses.richText.bold', glyph: 'B' },
  { command: 'italic', label: 'courses.richText.italic', glyph: 'I' },
  { command: 'underline', label: 'courses.richText.underline', glyph: 'U' },
  { command: 'insertUnorderedList', label: 'courses.richText.bulletList', glyph: '•—' },
  { command: 'insertOrderedList', label: 'courses.richText.numberedList', glyph: '1.—' },
];

const SAFE_LINK = /^(https?:\/\/|mailto:)\S+$/i;

/** Whether `url` may become a link: web and mail addresses only, never `javascript:`. */
export function isSafeLink(url: string): boolean {
  return SAFE_LINK.test(url.trim());
}

/**
 * A small rich-text field: bold, italic, underline, lists and links on a
 * contenteditable area, its value the area's HTML. The server sanitises what
 * it stores; what is shown here is sanitised again before it is rendered.
 */
@Component({
  selector: 'th-rich-text-editor',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatTooltipModule, TranslocoPipe],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => RichTextEditor), multi: true }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rich-text-editor.html',
  styleUrl: './rich-text-editor.scss',
})
export class RichTextEditor implements ControlValueAccessor {
  private readonly document = inject(DOCUMENT);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly injector = inject(Injector);
  private readonly area = viewChild.required<ElementRef<HTMLDivElement>>('area');
  private readonly urlInput = viewChild<ElementRef<HTMLInputElement>>('url');
  private savedRange: Range | null = null;
  private onChange: (html: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  /** The field's accessible name. */
  readonly label = input.required<string>();

  protected readonly buttons = FORMAT_BUTTONS;
  protected readonly active = signal<ReadonlySet<FormatCommand>>(new Set());
  protected readonly isDisabled = signal(false);
  protected readonly isLinkFormOpen = signal(false);
  protected readonly isLinkInvalid = signal(false);

  writeValue(html: string | null): void {
    this.area().nativeElement.innerHTML = this.sanitizer.sanitize(SecurityContext.HTML, html ?? '') ?? '';
  }

  registerOnChange(onChange: (html: string) => void): void {
    this.onChange = onChange;
  }

  registerOnTouched(onTouched: () => void): void {
    this.onTouched = onTouched;
  }

  setDisabledState(isDisabled: boolean): void {
    this.isDisabled.set(isDisabled);
  }

  /** Toolbar buttons must not take the focus, or the selection they act on would be lost. */
  protected keepSelection(event: MouseEvent): void {
    event.preventDefault();
  }

  protected format(command: FormatCommand): void {
    this.area().nativeElement.focus();
    this.document.execCommand(command);
    this.changed();
  }

  protected openLinkForm(): void {
    this.savedRange = this.selectionInArea();
    this.isLinkInvalid.set(false);
    this.isLinkFormOpen.set(true);
    afterNextRender(() => this.urlInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected closeLinkForm(): void {
    this.isLinkFormOpen.set(false);
    this.restoreSelection();
  }

  protected insertLink(url: string): void {
    const href = url.trim();
    if (!isSafeLink(href)) {
      this.isLinkInvalid.set(true);
      return;
    }
    this.isLinkFormOpen.set(false);
    const range = this.restoreSelection();
    if (range === null || range.collapsed) {
      // Nothing selected: the address itself becomes the link's text.
      const link = this.document.createElement('a');
      link.href = href;
      link.textContent = href;
      this.insertAtEnd(link, range);
    } else {
      this.document.execCommand('createLink', false, href);
    }
    this.changed();
  }

  protected changed(): void {
    const area = this.area().nativeElement;
    this.onChange(isBlank(area) ? '' : area.innerHTML);
    this.refreshActive();
  }

  protected touched(): void {
    this.onTouched();
  }

  protected refreshActive(): void {
    const active = new Set<FormatCommand>();
    if (this.selectionInArea() !== null) {
      for (const { command } of FORMAT_BUTTONS) {
        if (this.document.queryCommandState(command)) active.add(command);
      }
    }
    this.active.set(active);
  }

  private insertAtEnd(node: Node, range: Range | null): void {
    if (range === null) {
      this.area().nativeElement.append(node);
      return;
    }
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
  }

  /** The current selection if it lies inside the editing area. */
  private selectionInArea(): Range | null {
    const selection = this.document.getSelection();
    if (selection === null || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return this.area().nativeElement.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
  }

  private restoreSelection(): Range | null {
    const range = this.savedRange;
    this.savedRange = null;
    this.area().nativeElement.focus();
    if (range === null) return null;
    const selection = this.document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return range;
  }
}

/** An emptied area still holds a `<br>` or an empty block; that counts as no text. */
function isBlank(area: HTMLElement): boolean {
  return (area.textContent ?? '').trim() === '' && area.querySelector('a, li') === null;
}
