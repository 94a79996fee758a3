import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';

/** VI | EN toggle. Presentational: the caller owns the language and persists the choice. */
@Component({
  selector: 'th-language-switch',
  imports: [MatButtonToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [value]="language()"
      (change)="languageChange.emit($event.value)"
      [attr.aria-label]="'ui.languageSwitch.label' | transloco"
    >
      @for (option of languages(); track option) {
        <mat-button-toggle
          [value]="option"
          [attr.lang]="option"
          [aria-label]="'ui.languageSwitch.' + option | transloco"
          [attr.data-testid]="'lang-' + option"
        >
          {{ option.toUpperCase() }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      display: inline-block;
      --mat-button-toggle-height: 32px;
    }
  `,
})
export class LanguageSwitch {
  readonly language = input.required<string>();
  readonly languages = input<readonly string[]>(['vi', 'en']);
  readonly languageChange = output<string>();
}
