import { HttpParams } from '@angular/common/http';

/** Query parameters without the empty ones, so `?q=` or `?status=` never narrows a list by accident. */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
