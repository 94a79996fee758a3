import { DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, debounceTime, distinctUntilChanged } from 'rxjs';

export const SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box's handler: typing settles for 300 ms, and the same text twice
 * searches once. Call in an injection context; it stops with its component.
 */
export function debouncedSearch(apply: (q: string) => void): (q: string) => void {
  const searches = new Subject<string>();
  searches
    .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
    .subscribe(apply);
  return (q) => searches.next(q);
}
