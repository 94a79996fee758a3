import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ProblemDetails } from '@thuchoc/shared/contracts';
import { TranslocoService } from '@jsverse/transloco';

/** What a page shows for a failed request: one message, and messages per form field. */
export interface ErrorView {
  message: string;
  /** Keyed by the top-level field name (`roles.0` is shown under `roles`). */
  fields: Readonly<Record<string, string>>;
}

/** The RFC 9457 body of a failed call, or a stand-in built from the status when there is none. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    if (isProblem(error.error)) return error.error;
    return { type: 'about:blank', title: error.statusText, status: error.status };
  }
  return { type: 'about:blank', title: error instanceof Error ? error.message : String(error), status: -1 };
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), or null. */
export function retryAfterSeconds(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const header = error.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Turns a failed call into readable text: the translation of its `code` when
 * the app knows it, else the server's `detail` or `title`.
 */
@Injectable({ providedIn: 'root' })
export class ProblemMessages {
  private readonly transloco = inject(TranslocoService);

  describe(error: unknown): ErrorView {
    const problem = toProblem(error);
    return { message: this.message(problem, error), fields: fieldMessages(problem) };
  }

  private message(problem: ProblemDetails, error: unknown): string {
    if (problem.status === 0) return this.transloco.translate('problems.network');
    const key = problem.code === undefined ? null : `problems.${problem.code}`;
    if (key !== null && this.hasKey(key))
      return this.transloco.translate(key, { wait: this.waitText(error) });
    return (
      problem.detail ||
      problem.title ||
      this.transloco.translate('problems.unknown', { status: problem.status })
    );
  }

  private waitText(error: unknown): string {
    const seconds = retryAfterSeconds(error);
    if (seconds === null) return this.transloco.translate('duration.aWhile');
    return seconds < 60
      ? this.transloco.translate('duration.seconds', { count: seconds })
      : this.transloco.translate('duration.minutes', { count: Math.ceil(seconds / 60) });
  }

  private hasKey(key: string): boolean {
    return key in this.transloco.getTranslation(this.transloco.getActiveLang());
  }
}

function fieldMessages(problem: ProblemDetails): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const fieldError of problem.errors ?? []) {
    const field = fieldError.field.split('.')[0];
    fields[field] = [fields[field], ...fieldError.messages].filter(Boolean).join(' ');
  }
  return fields;
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body;
}
