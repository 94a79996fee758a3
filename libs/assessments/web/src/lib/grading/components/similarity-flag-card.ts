import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { SimilarityFlagSummary } from '@thuchoc/assessments/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { scorePercent } from '../data-access/highlight-segments';

/** One similarity flag in a list: the score, the two learners, its status or outcome, and a link to compare. */
@Component({
  selector: 'th-similarity-flag-card',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let item = flag();
    <article class="flag" data-testid="flag-item" [attr.data-status]="item.status">
      <div class="score" data-testid="flag-score">
        <span class="percent">{{ percent() }}%</span>
        <span class="label">{{ 'grading.flags.score' | transloco: { percent: percent() } }}</span>
      </div>
      <div class="body">
        <p class="pair" data-testid="flag-pair">
          <span class="name">{{ item.a.fullName }}</span>
          <span class="muted">{{ 'grading.flags.and' | transloco }}</span>
          <span class="name">{{ item.b.fullName }}</span>
        </p>
        <p class="meta">
          <span class="status status-{{ item.status }}" data-testid="flag-status">{{
            'grading.flags.statuses.' + item.status | transloco
          }}</span>
          @if (item.outcome) {
            <span class="outcome outcome-{{ item.outcome }}" data-testid="flag-outcome">{{
              'grading.flags.outcomes.' + item.outcome | transloco
            }}</span>
          }
          <span class="muted">{{
            'grading.flags.raisedAt' | transloco: { time: (item.raisedAt | date) }
          }}</span>
        </p>
        @if (item.resolutionReason) {
          <p class="reason muted">{{ item.resolutionReason }}</p>
        }
      </div>
      <a mat-stroked-button class="compare" [routerLink]="link()" data-testid="flag-open">
        {{ 'grading.flags.compare' | transloco }}
      </a>
    </article>
  `,
  styleUrl: './similarity-flag-card.scss',
})
export class SimilarityFlagCard {
  readonly flag = input.required<SimilarityFlagSummary>();
  /** Where "compare" leads. */
  readonly link = input.required<readonly string[]>();

  protected readonly percent = computed(() => scorePercent(this.flag().score));
}
