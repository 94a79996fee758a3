import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { QuestionResponse, QuestionVersionResponse } from '@thuchoc/assessments/contracts';
import { RemoteValue } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { QuestionBankStore } from '../data-access/question-bank.store';
import { questionName } from '../data-access/question-text';
import { QuestionContentView } from './question-content-view';

/** Every stored version of a question, newest (the current one) open: what a quiz attempt may refer to. */
@Component({
  selector: 'th-question-history-dialog',
  imports: [
    DatePipe,
    MatButtonModule,
    MatDialogModule,
    MatExpansionModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    QuestionContentView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'questionBank.history.title' | transloco }}</h2>
    <mat-dialog-content>
      <p class="name">{{ name }}</p>
      <th-error-alert [message]="versions.error()" />
      @if (versions.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (versions.value(); as list) {
        @if (list.length === 0) {
          <p>{{ 'questionBank.history.empty' | transloco }}</p>
        }
        <mat-accordion multi displayMode="flat">
          @for (entry of list; track entry.version; let first = $first) {
            <mat-expansion-panel [expanded]="first" data-testid="question-version">
              <mat-expansion-panel-header>
                <mat-panel-title>
                  {{ 'questionBank.version' | transloco: { version: entry.version } }}
                  @if (entry.version === question.version) {
                    <span class="current">{{ 'questionBank.history.current' | transloco }}</span>
                  }
                </mat-panel-title>
                <mat-panel-description>
                  {{
                    'questionBank.history.createdAt'
                      | transloco: { date: (entry.createdAt | date), name: author(entry) }
                  }}
                </mat-panel-description>
              </mat-expansion-panel-header>
              <th-question-content-view [content]="entry.content" />
            </mat-expansion-panel>
          }
        </mat-accordion>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .name {
      margin: 0 0 12px;
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .current {
      margin-inline-start: 8px;
      padding: 0 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    mat-panel-description {
      flex-wrap: wrap;
    }
  `,
})
export class QuestionHistoryDialog {
  protected readonly question = inject<QuestionResponse>(MAT_DIALOG_DATA);
  protected readonly name = questionName(this.question);
  protected readonly versions = new RemoteValue<QuestionVersionResponse[]>();

  constructor() {
    this.versions.load(inject(QuestionBankStore).versions(this.question));
  }

  protected author(entry: QuestionVersionResponse): string {
    return entry.createdByName ?? '—';
  }
}
