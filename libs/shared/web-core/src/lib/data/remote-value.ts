import { inject, signal } from '@angular/core';
import { ProblemMessages } from '../errors/problem';
import { Observable, Subscription } from 'rxjs';

/**
 * One loaded answer as signals: the value, whether it is loading, and the
 * failure's message. A newer load replaces one still on the wire. Create it in
 * an injection context (a field initializer), since it injects {@link ProblemMessages}.
 */
export class RemoteValue<T> {
  private readonly problems = inject(ProblemMessages);
  private readonly current = signal<T | null>(null);
  private readonly loading = signal(false);
  private readonly message = signal<string | null>(null);
  private request: Subscription | null = null;

  /** Null until the first answer; kept while a reload is on the wire. */
  readonly value = this.current.asReadonly();
  readonly isLoading = this.loading.asReadonly();
  readonly error = this.message.asReadonly();

  load(source: Observable<T>): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.message.set(null);
    this.request = source.subscribe({
      next: (value) => this.current.set(value),
      error: (error: unknown) => {
        this.message.set(this.problems.describe(error).message);
        this.loading.set(false);
      },
      complete: () => this.loading.set(false),
    });
  }

  /** Replaces the value after a successful action or a pushed change. */
  set(value: T): void {
    this.current.set(value);
  }

  /** Changes the loaded value; nothing happens before the first answer. */
  update(change: (value: T) => T): void {
    this.current.update((value) => (value === null ? null : change(value)));
  }

  /** Drops the value, e.g. when the page turns to another session or class. */
  reset(): void {
    this.request?.unsubscribe();
    this.current.set(null);
    this.loading.set(false);
    this.message.set(null);
  }
}
