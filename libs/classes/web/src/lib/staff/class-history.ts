import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { VerificationStatus } from '@thuchoc/classes/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { describeClassHistory } from '../data-access/classes-history-text';
import { ClassHistoryStore } from '../data-access/classes-history.store';

interface HistoryLine {
  id: string;
  recordedAt: string;
  text: string;
  reason: string | null;
  seq: number | null;
}

/** The class's ledger as plain sentences, newest first, and a check that nobody edited it behind the app's back. */
@Component({
  selector: 'th-class-history',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe, ErrorAlert],
  providers: [ClassHistoryStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-history.html',
  styleUrl: './class-history.scss',
})
export class ClassHistory implements OnInit {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore).language;

  readonly classId = input.required<string>();

  protected readonly store = inject(ClassHistoryStore);
  protected readonly lines = computed<HistoryLine[] | null>(() => {
    this.language(); // tell the story again in the new language
    const entries = this.store.entries();
    if (entries === null) return null;
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const texts = describeClassHistory(entries, t);
    return entries
      .map((entry, index) => ({
        id: entry.id,
        recordedAt: entry.recordedAt,
        text: texts[index],
        reason: entry.reason,
        seq: entry.seq,
      }))
      .reverse();
  });
  /** The finished verification's result, once there is one. */
  protected readonly result = computed(() => {
    const verification = this.store.verification();
    return verification?.status === VerificationStatus.Completed ? verification.result : null;
  });

  ngOnInit(): void {
    this.store.load(this.classId());
  }

  protected verify(): void {
    this.store.verify(this.classId());
  }
}
