import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  CreateUserRequest,
  Role,
  UpdateUserRequest,
  UserListQuery,
  UserResponse,
} from '@thuchoc/identity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, Subject, catchError, of, switchMap, tap } from 'rxjs';
import { UsersApi } from './identity-api';

export const DEFAULT_PAGE_SIZE = 20;

export interface UserFilter {
  q: string;
  role: Role | null;
  isActive: boolean | null;
}

/** A paged, filtered list of the users in the caller's scope, and the changes made to them. */
@Injectable()
export class UsersStore {
  private readonly api = inject(UsersApi);
  private readonly problems = inject(ProblemMessages);
  private readonly requests = new Subject<UserListQuery>();

  readonly filter = signal<UserFilter>({ q: '', role: null, isActive: null });
  readonly pageIndex = signal(0);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly page = signal<Page<UserResponse> | null>(null);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);

  constructor() {
    // switchMap: a newer search replaces one still on the wire.
    this.requests
      .pipe(
        tap(() => {
          this.isLoading.set(true);
          this.error.set(null);
        }),
        switchMap((query) =>
          this.api.list(query).pipe(
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
    const filter = this.filter();
    this.requests.next({
      q: filter.q.trim() || undefined,
      role: filter.role ?? undefined,
      isActive: filter.isActive ?? undefined,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    });
  }

  search(filter: UserFilter): void {
    this.filter.set(filter);
    this.pageIndex.set(0);
    this.load();
  }

  goToPage(pageIndex: number, pageSize: number): void {
    this.pageIndex.set(pageIndex);
    this.pageSize.set(pageSize);
    this.load();
  }

  create(request: CreateUserRequest): Observable<UserResponse> {
    return this.api.create(request).pipe(tap(() => this.load()));
  }

  update(id: string, request: UpdateUserRequest): Observable<UserResponse> {
    return this.api.update(id, request).pipe(tap(() => this.load()));
  }

  setActive(user: UserResponse, isActive: boolean): Observable<void> {
    return this.api.setActive(user.id, isActive).pipe(tap(() => this.load()));
  }
}
