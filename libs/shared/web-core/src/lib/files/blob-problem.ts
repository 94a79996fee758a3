import { HttpErrorResponse } from '@angular/common/http';
import { MonoTypeOperatorFunction, catchError, from, switchMap, throwError } from 'rxjs';

/**
 * A blob request's error body arrives as a Blob too: this reads it as JSON so
 * the problem's `code` can be translated, and passes any other error on as is.
 */
export async function withProblemBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({
      error: body,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}

/** Pipes a download's failure through {@link withProblemBody}. */
export function readBlobProblem<T>(): MonoTypeOperatorFunction<T> {
  return catchError((error: unknown) =>
    from(withProblemBody(error)).pipe(switchMap((e) => throwError(() => e))),
  );
}
