import { Injectable, computed, inject } from '@angular/core';
import { SimilarityFlagDetail, SimilarityOutcome } from '@thuchoc/assessments/contracts';
import { RemoteValue } from '@thuchoc/shared/web-core';
import { Observable, tap } from 'rxjs';
import { GradingApi } from './grading-api';
import { TextSegment, highlightSegments, passageRanges } from './highlight-segments';

/** One side of the comparison, ready for the template. */
export interface FlagSide {
  side: 'a' | 'b';
  fullName: string;
  attemptId: string;
  segments: TextSegment[];
}

/** One similarity flag opened: both essays cut into plain and highlighted segments, and its resolution. */
@Injectable()
export class SimilarityFlagStore {
  private readonly api = inject(GradingApi);

  readonly flag = new RemoteValue<SimilarityFlagDetail>();
  readonly sides = computed<FlagSide[]>(() => {
    const flag = this.flag.value();
    if (flag === null) return [];
    return (['a', 'b'] as const).map((side) => ({
      side,
      fullName: flag[side].fullName,
      attemptId: flag[side].attemptId,
      segments: highlightSegments(side === 'a' ? flag.textA : flag.textB, passageRanges(flag.passages, side)),
    }));
  });

  open(flagId: string): void {
    this.flag.reset();
    this.flag.load(this.api.flag(flagId));
  }

  /** Asks again, keeping what is shown meanwhile (e.g. after someone else resolved it). */
  reload(): void {
    const flag = this.flag.value();
    if (flag !== null) this.flag.load(this.api.flag(flag.id));
  }

  /** The resolved flag replaces the open one. */
  resolve(outcome: SimilarityOutcome, reason: string): Observable<SimilarityFlagDetail> {
    const flag = this.flag.value();
    if (flag === null) throw new Error('No flag is open');
    return this.api.resolve(flag.id, { outcome, reason }).pipe(tap((resolved) => this.flag.set(resolved)));
  }
}
