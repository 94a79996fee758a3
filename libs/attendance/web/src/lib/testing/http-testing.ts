import { HttpTestingController, TestRequest } from '@angular/common/http/testing';

/**
 * The request to `url` once it has been sent: some are sent a turn later
 * (after a `timer(0)`), so this waits a few turns for it instead of sleeping.
 */
export async function nextRequest(backend: HttpTestingController, url: string): Promise<TestRequest> {
  for (let turn = 0; turn < 20; turn++) {
    const [request] = backend.match(url);
    if (request !== undefined) return request;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`No request to ${url}`);
}

/** An RFC 9457 error body with its code, as the API sends it. */
export function problem(status: number, code: string): [object, { status: number; statusText: string }] {
  return [
    { type: 'about:blank', title: 'Error', status, code },
    { status, statusText: 'Error' },
  ];
}
