import { InjectionToken } from '@angular/core';

/** Root of the REST API: same origin in production, proxied to the API server in development. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api/v1',
});
