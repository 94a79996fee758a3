import { HttpResponse } from '@angular/common/http';
import { DOCUMENT, inject, signal } from '@angular/core';
import { downloadFileName, ProblemMessages, saveBlob } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/**
 * Downloads an excuse's supporting document and saves it under its name,
 * showing which one is on its way and why one failed. Create it in an
 * injection context (a field initializer).
 */
export class AttachmentDownload {
  private readonly document = inject(DOCUMENT);
  private readonly problems = inject(ProblemMessages);

  /** The id of the download on its way. */
  readonly downloadingId = signal<string | null>(null);
  readonly error = signal<string | null>(null);

  start(id: string, fileName: string, request: Observable<HttpResponse<Blob>>): void {
    this.downloadingId.set(id);
    this.error.set(null);
    request.subscribe({
      next: (response) => {
        if (response.body !== null)
          saveBlob(this.document, response.body, downloadFileName(response, fileName));
        this.downloadingId.set(null);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error).message);
        this.downloadingId.set(null);
      },
    });
  }
}
