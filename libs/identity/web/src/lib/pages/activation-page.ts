import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ActivationPreview, PASSWORD_MIN_LENGTH } from '@thuchoc/identity/contracts';
import { FormSubmission, LanguageStore, ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe, LanguageSwitch } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { ActivationApi } from '../data-access/identity-api';

/** The confirmation field must repeat the password. */
function matchesPassword(control: AbstractControl<string>): ValidationErrors | null {
  const password: unknown = control.parent?.get('password')?.value;
  return control.value !== '' && control.value !== password ? { mismatch: true } : null;
}

const isRefusal = (status: number): boolean => status >= 400 && status < 500 && status !== 429;

/** Why the link cannot be used: a refused link, or a failure worth retrying (network, server, throttling). */
interface LinkProblem {
  isInvalidLink: boolean;
  message: string;
}

/** `/activate/:token`: a new learner sees whose account the link opens and chooses its password. */
@Component({
  selector: 'th-activation-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activation-page.html',
  styleUrls: ['./signed-out-page.scss', './activation-page.scss'],
})
export class ActivationPage {
  private readonly api = inject(ActivationApi);
  private readonly problems = inject(ProblemMessages);

  /** From the route. */
  readonly token = input.required<string>();

  protected readonly languages = inject(LanguageStore);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly preview = signal<ActivationPreview | null>(null);
  protected readonly isLoading = signal(false);
  protected readonly linkProblem = signal<LinkProblem | null>(null);
  protected readonly isActivated = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    confirmPassword: ['', [Validators.required, matchesPassword]],
  });
  protected readonly submission = new FormSubmission(this.form);

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.load(token));
    });
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity());
  }

  protected load(token: string): void {
    this.isLoading.set(true);
    this.linkProblem.set(null);
    this.api.preview(token).subscribe({
      next: (preview) => {
        this.preview.set(preview);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.linkProblem.set({
          isInvalidLink: error instanceof HttpErrorResponse && isRefusal(error.status),
          message: this.problems.describe(error).message,
        });
        this.isLoading.set(false);
      },
    });
  }

  protected submit(): void {
    this.submission.submit(
      () => this.api.activate({ token: this.token(), password: this.form.getRawValue().password }),
      () => this.isActivated.set(true),
    );
  }
}
