import { Injectable, inject } from '@angular/core';
import { CreateUserRequest, Role, UpdateUserRequest, UserResponse } from '@thuchoc/identity/contracts';
import { PagedList } from '@thuchoc/shared/web-core';
import { Observable, tap } from 'rxjs';
import { UsersApi } from './identity-api';

export interface UserFilter {
  q: string;
  role: Role | null;
  isActive: boolean | null;
}

/** A paged, filtered list of the users in the caller's scope, and the changes made to them. */
@Injectable()
export class UsersStore {
  private readonly api = inject(UsersApi);
  private readonly list = new PagedList<UserFilter, UserResponse>(
    ({ filter, page, pageSize }) =>
      this.api.list({
        q: filter.q.trim() || undefined,
        role: filter.role ?? undefined,
        isActive: filter.isActive ?? undefined,
        page,
        pageSize,
      }),
    { q: '', role: null, isActive: null },
  );

  readonly filter = this.list.filter;
  readonly pageIndex = this.list.pageIndex;
  readonly pageSize = this.list.pageSize;
  readonly page = this.list.page;
  readonly isLoading = this.list.isLoading;
  readonly error = this.list.error;

  load(): void {
    this.list.load();
  }

  search(filter: UserFilter): void {
    this.list.search(filter);
  }

  goToPage(pageIndex: number, pageSize: number): void {
    this.list.goToPage(pageIndex, pageSize);
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
