import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { LanguageStore, ProblemMessages, applyFieldErrors, isLanguage } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe, LanguageSwitch } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '../data-access/session.store';

@Component({
  selector: 'th-login-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemMessages);
  private readonly languages = inject(LanguageStore);

  protected readonly language = this.languages.language;
  protected readonly isSubmitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });

  protected useLanguage(language: string): void {
    if (isLanguage(language)) this.languages.use(language);
  }

  protected submit(): void {
    if (this.form.invalid || this.isSubmitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.error.set(null);
    this.session.login(this.form.getRawValue()).subscribe({
      next: (homeUrl) => void this.router.navigateByUrl(homeUrl),
      error: (error: unknown) => {
        const view = this.problems.describe(error);
        applyFieldErrors(this.form, view);
        this.error.set(view.message);
        this.isSubmitting.set(false);
      },
    });
  }
}
