import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe } from '@jsverse/transloco';
import { MoveDirection } from '../data-access/course-outline';

/** "Move up" and "move down" for an item of an ordered list; each is disabled at its end of the list. */
@Component({
  selector: 'th-move-buttons',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [attr.aria-label]="'courses.outline.moveUp' | transloco"
      [matTooltip]="'courses.outline.moveUp' | transloco"
      [disabled]="isFirst() || disabled()"
      (click)="moved.emit('up')"
    >
      <mat-icon svgIcon="expand_more" class="up" />
    </button>
    <button
      mat-icon-button
      type="button"
      [attr.aria-label]="'courses.outline.moveDown' | transloco"
      [matTooltip]="'courses.outline.moveDown' | transloco"
      [disabled]="isLast() || disabled()"
      (click)="moved.emit('down')"
    >
      <mat-icon svgIcon="expand_more" />
    </button>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .up {
      transform: rotate(180deg);
    }
  `,
})
export class MoveButtons {
  readonly isFirst = input.required<boolean>();
  readonly isLast = input.required<boolean>();
  readonly disabled = input(false);
  readonly moved = output<MoveDirection>();
}
