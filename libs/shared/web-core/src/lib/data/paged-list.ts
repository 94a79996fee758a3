import { DestroyRef, WritableSignal, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Page } from '@thuchoc/shared/contracts';
import { ErrorView, ProblemMessages } from '../errors/problem';
import { Observable, Subject, catchError, of, switchMap, tap } from 'rxjs';

export const DEFAULT_PAGE_SIZE = 20;

/** What a page of a list is fetched with: the filter, the 1-based page and its size. */
export interface PageRequest<TFilter> {
  filter: TFilter;
  page: number;
  pageSize: number;
}

/**
 * A filtered, paged list fetched from the API, behind every list page (users,
 * courses, classes, rosters). A newer request replaces one still on the wire.
 * Create it in an injection context (a field initializer of a store).
 */
export class PagedList<TFilter, TItem> {
  private readonly problems = inject(ProblemMessages);
  private readonly requests = new Subject<PageRequest<TFilter>>();

  readonly filter: WritableSignal<TFilter>;
  readonly pageIndex = signal(0);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly page = signal<Page<TItem> | null>(null);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);

  constructor(fetch: (request: PageRequest<TFilter>) => Observable<Page<TItem>>, initialFilter: TFilter) {
    this.filter = signal(initialFilter);
    this.requests
      .pipe(
        tap(() => {
          this.isLoading.set(true);
          this.error.set(null);
        }),
        switchMap((request) =>
          fetch(request).pipe(
            catchError((error: unknown) => {
              this.error.set(this.problems.describe(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((page) => {
        if (page !== null) this.page.set(page);
        this.isLoading.set(false);
      });
  }

  load(): void {
    this.requests.next({ filter: this.filter(), page: this.pageIndex() + 1, pageSize: this.pageSize() });
  }

  search(filter: TFilter): void {
    this.filter.set(filter);
    this.pageIndex.set(0);
    this.load();
  }

  /** Puts a changed item where the old one stands (same `id`), so the page does not jump or reload. */
  replace(changed: TItem & { id: string }): void {
    this.page.update(
      (page) =>
        page && {
          ...page,
          items: page.items.map((item) => ((item as { id?: string }).id === changed.id ? changed : item)),
        },
    );
  }

  goToPage(pageIndex: number, pageSize: number): void {
    this.pageIndex.set(pageIndex);
    this.pageSize.set(pageSize);
    this.load();
  }
}
