import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom, throwError } from 'rxjs';
import { readBlobProblem, withProblemBody } from './blob-problem';

function blobError(text: string): HttpErrorResponse {
  // jsdom's Blob has no text(); the browser's has.
  const body = Object.assign(new Blob([text]), { text: () => Promise.resolve(text) });
  return new HttpErrorResponse({ error: body, status: 404, statusText: 'Not Found' });
}

describe(withProblemBody.name, () => {
  it('reads a problem sent as a blob', async () => {
    const parsed = await withProblemBody(
      blobError('{"status":404,"title":"Not Found","code":"x.not-found"}'),
    );
    expect((parsed as HttpErrorResponse).error).toEqual({
      status: 404,
      title: 'Not Found',
      code: 'x.not-found',
    });
  });

  it('keeps a body that is not JSON, and errors that are not HTTP ones', async () => {
    const error = blobError('<html>');
    expect(await withProblemBody(error)).toBe(error);
    const other = new Error('boom');
    expect(await withProblemBody(other)).toBe(other);
  });

  it('rethrows the parsed error from a stream', async () => {
    const failing = throwError(() => blobError('{"status":403,"title":"Forbidden"}')).pipe(readBlobProblem());
    await expect(firstValueFrom(failing)).rejects.toMatchObject({ error: { status: 403 } });
  });
});
