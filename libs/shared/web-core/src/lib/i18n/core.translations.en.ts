import type { vi } from './core.translations.vi';

export const en: typeof vi = {
  common: {
    appName: 'ThucHoc',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    loading: 'Loading…',
    none: '—',
    yes: 'Yes',
    no: 'No',
  },
  duration: {
    seconds: '{{count}} s',
    minutes: '{{count}} min',
    aWhile: 'a few minutes',
  },
  paginator: {
    itemsPerPage: 'Rows per page',
    next: 'Next page',
    previous: 'Previous page',
    first: 'First page',
    last: 'Last page',
    range: '{{start}}–{{end}} of {{length}}',
    empty: '0 of 0',
  },
  problems: {
    auth: {
      'invalid-credentials': 'Wrong username or password.',
      'too-many-attempts': 'Too many failed sign-in attempts. Please try again in {{wait}}.',
      unauthenticated: 'Your session has expired. Please sign in again.',
      forbidden: 'You are not allowed to do this.',
    },
    request: {
      invalid: 'Some data is not valid. Please check the highlighted fields.',
      'too-many': 'Too many requests. Please try again in {{wait}}.',
      'too-large': 'The data sent is too large.',
      'malformed-body': 'The data sent could not be read. Please reload the page and try again.',
      'method-not-allowed': 'This action is not supported.',
      'unsupported-media-type': 'The format of the data sent is not supported.',
    },
    resource: {
      'not-found': 'The requested item was not found.',
      conflict: 'The data has changed or already exists. Please reload and try again.',
    },
    service: {
      unavailable: 'The service is temporarily unavailable. Please try again later.',
    },
    server: {
      error: 'Something went wrong on the server. Please try again later.',
    },
    network: 'Cannot reach the server. Please check your connection and try again.',
    unknown: 'Something went wrong (code {{status}}).',
  },
};
