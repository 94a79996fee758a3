import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CheckInMethod,
  HEARTBEAT_INTERVAL_SECONDS,
  IDLE_CUTOFF_SECONDS,
  PendingAttentionCheck,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { FormSubmission, activityHeartbeat } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AttendanceEvidenceView } from '../components/attendance-evidence';
import { AttendanceStatusBadge } from '../components/attendance-status-badge';
import { SessionStatusBadge } from '../components/session-status-badge';
import { SessionTime } from '../components/session-time';
import { presenceMinutes } from '../data-access/attendance-grid';
import { CHECK_IN_CODE_PATTERN } from '../data-access/check-in-code';
import { LiveSessionStore } from '../data-access/live-session.store';
import { AttentionDialog, AttentionDialogData } from './attention-dialog';
import { ExcuseRequest } from './excuse-request';

/**
 * `/learner/sessions/:sessionId`: check in (by code, or at once from the QR
 * link `?code=`), join the meeting, keep presence recorded while the page is
 * on screen and in use, answer attention checks, or ask to be excused.
 */
@Component({
  selector: 'th-live-session-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
    AttendanceEvidenceView,
    AttendanceStatusBadge,
    SessionStatusBadge,
    SessionTime,
    ExcuseRequest,
  ],
  providers: [LiveSessionStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-session-page.html',
  styleUrl: './live-session-page.scss',
})
export class LiveSessionPage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private attentionRef: MatDialogRef<AttentionDialog, boolean> | null = null;
  private isQrHandled = false;

  /** From the route. */
  readonly sessionId = input.required<string>();
  /** From the QR link's query string. */
  readonly code = input<string>();

  protected readonly store = inject(LiveSessionStore);
  protected readonly heartbeat = activityHeartbeat({
    intervalMs: HEARTBEAT_INTERVAL_SECONDS * 1000,
    idleCutoffMs: IDLE_CUTOFF_SECONDS * 1000,
    isEnabled: computed(() => this.store.isLive() && this.store.isCheckedIn()),
    beat: () => this.store.beat(),
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(CHECK_IN_CODE_PATTERN)]],
  });
  protected readonly submission = new FormSubmission(this.form, { isReusable: true });
  private readonly method = signal<CheckInMethod.Code | CheckInMethod.Qr>(CheckInMethod.Code);
  protected readonly isCheckingInByQr = computed(
    () => this.method() === CheckInMethod.Qr && this.submission.isSaving(),
  );
  /** The server answered that this learner had checked in before. */
  protected readonly wasCheckedInBefore = signal(false);
  /** The check-in's evidence, once the learner has checked in. */
  protected readonly checkIn = computed(() => {
    const evidence = this.store.record()?.evidence ?? null;
    return evidence?.checkedInAt ? evidence : null;
  });
  /** Once the session has ended, a learner who did not check in cannot any more: no form then. */
  protected readonly isCheckInOver = computed(() => {
    const status = this.store.session()?.status;
    return status === SessionStatus.Closed || status === SessionStatus.Finalised;
  });
  protected readonly presenceMinutes = computed(() =>
    presenceMinutes(this.store.record()?.evidence.presenceSeconds ?? 0),
  );

  constructor() {
    effect(() => {
      const sessionId = this.sessionId();
      untracked(() => this.store.load(sessionId));
    });
    effect(() => {
      const view = this.store.view.value();
      const code = this.code();
      if (view !== null && code !== undefined) untracked(() => this.checkInFromQr(code));
    });
    effect(() => {
      const check = this.store.pendingCheck();
      if (check !== null) untracked(() => this.openAttentionCheck(check));
    });
    // A check still on screen when the lecturer ends the session can no longer be answered.
    effect(() => {
      if (!this.store.isLive()) untracked(() => this.attentionRef?.close());
    });
  }

  protected submitCode(): void {
    this.send(CheckInMethod.Code);
  }

  /** The QR link carries the code: check in with it once, then drop it from the address. */
  private checkInFromQr(code: string): void {
    if (this.isQrHandled) return;
    this.isQrHandled = true;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { code: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
    if (this.store.isCheckedIn()) return;
    this.form.setValue({ code: code.trim() });
    this.send(CheckInMethod.Qr);
  }

  /** A refused code, typed or from the QR link, leaves the form on screen with the reason. */
  private send(method: CheckInMethod.Code | CheckInMethod.Qr): void {
    this.method.set(method);
    this.submission.submit(
      () => this.store.checkIn(this.form.controls.code.value, method),
      (answer) => {
        this.wasCheckedInBefore.set(!answer.isNew);
        this.form.reset();
      },
    );
  }

  private openAttentionCheck(check: PendingAttentionCheck): void {
    this.attentionRef?.close();
    const ref = this.dialog.open<AttentionDialog, AttentionDialogData, boolean>(AttentionDialog, {
      data: { check, receivedAt: Date.now(), answer: (code) => this.store.answer(check, code) },
      maxWidth: '95vw',
    });
    this.attentionRef = ref;
    ref.afterClosed().subscribe((isAnswered) => {
      if (this.attentionRef === ref) {
        this.attentionRef = null;
        this.store.dismissCheck();
      }
      if (isAnswered === true)
        this.snackBar.open(this.transloco.translate('attendance.attention.answered'), undefined, {
          duration: 4000,
        });
    });
  }
}
