import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { QUESTION_DIFFICULTIES, TopicSummary } from '@thuchoc/assessments/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { summaryTotals } from '../data-access/topic-totals';

/**
 * The active questions per topic and difficulty, with the bank's totals: what
 * a quiz's draw rules (N per topic and level) can count on. A topic's name
 * filters the list by it; choosing it again shows every topic.
 */
@Component({
  selector: 'th-question-topic-summary',
  imports: [MatCardModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title>
          <h2 class="mat-card-heading">{{ 'questionBank.summary.title' | transloco }}</h2>
        </mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (topics(); as rows) {
          @if (rows.length === 0) {
            <p class="none">{{ 'questionBank.summary.none' | transloco }}</p>
          } @else {
            <div class="scroll">
              <table class="summary" data-testid="topic-summary">
                <thead>
                  <tr>
                    <th scope="col">{{ 'questionBank.summary.topic' | transloco }}</th>
                    @for (difficulty of difficulties; track difficulty) {
                      <th scope="col" class="number">
                        {{ 'questionBank.difficulties.' + difficulty | transloco }}
                      </th>
                    }
                    <th scope="col" class="number">{{ 'questionBank.summary.total' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of rows; track row.topic) {
                    <tr data-testid="topic-row" [class.active]="row.topic === activeTopic()">
                      <th scope="row">
                        <button
                          type="button"
                          class="topic"
                          [attr.aria-pressed]="row.topic === activeTopic()"
                          [attr.title]="'questionBank.summary.filterBy' | transloco: { topic: row.topic }"
                          (click)="topicChosen.emit(row.topic === activeTopic() ? null : row.topic)"
                        >
                          {{ row.topic }}
                        </button>
                      </th>
                      @for (difficulty of difficulties; track difficulty) {
                        <td class="number" [attr.data-difficulty]="difficulty">
                          {{ row.byDifficulty[difficulty] }}
                        </td>
                      }
                      <td class="number total">{{ row.total }}</td>
                    </tr>
                  }
                </tbody>
                <tfoot>
                  <tr data-testid="topic-total">
                    <th scope="row">{{ 'questionBank.summary.all' | transloco }}</th>
                    @for (difficulty of difficulties; track difficulty) {
                      <td class="number">{{ totals().byDifficulty[difficulty] }}</td>
                    }
                    <td class="number total">{{ totals().total }}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .summary {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
    }
    thead th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .number {
      text-align: end;
      width: 1%;
      white-space: nowrap;
    }
    .total,
    tfoot th,
    tfoot td {
      font-weight: 600;
    }
    tfoot th,
    tfoot td {
      border-bottom: none;
    }
    .topic {
      padding: 0;
      border: 0;
      background: none;
      font: inherit;
      text-align: start;
      color: var(--mat-sys-primary);
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    .topic:hover,
    .topic:focus-visible {
      text-decoration: underline;
    }
    tr.active {
      background: var(--mat-sys-secondary-container);
    }
    .none {
      margin: 0;
    }
  `,
})
export class QuestionTopicSummary {
  /** Null while loading. */
  readonly topics = input<TopicSummary[] | null>(null);
  readonly activeTopic = input<string | null>(null);
  /** The topic to filter by, or null for every topic. */
  readonly topicChosen = output<string | null>();

  protected readonly difficulties = QUESTION_DIFFICULTIES;
  protected readonly totals = computed(() => summaryTotals(this.topics() ?? []));
}
