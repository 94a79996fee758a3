import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { UserResponse } from '@thuchoc/identity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { UsersApi } from '../data-access/identity-api';
import { RoleBadges } from './role-badges';

const SCOPE_USERS_PAGE_SIZE = 20;

/** Read-only: the first page of the users in the caller's scope, with the total. */
@Component({
  selector: 'th-scope-users',
  imports: [MatCardModule, MatListModule, MatProgressBarModule, TranslocoPipe, ErrorAlert, RoleBadges],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="scope-users">
      <mat-card-header>
        <mat-card-title>
          <h2 class="card-heading">{{ 'identity.scopeUsers.title' | transloco }}</h2>
        </mat-card-title>
        @if (page(); as p) {
          <mat-card-subtitle>{{
            'identity.scopeUsers.total' | transloco: { shown: p.items.length, total: p.total }
          }}</mat-card-subtitle>
        }
      </mat-card-header>
      <mat-card-content>
        @if (isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
        <th-error-alert [message]="error()" />
        @if (page(); as p) {
          @if (p.items.length === 0) {
            <p>{{ 'identity.scopeUsers.empty' | transloco }}</p>
          } @else {
            <mat-list role="list">
              @for (user of p.items; track user.id) {
                <mat-list-item role="listitem">
                  <span matListItemTitle>{{ user.fullName }}</span>
                  <span matListItemLine>{{ user.orgUnitName }}</span>
                  <span matListItemLine><th-role-badges [roles]="user.roles" /></span>
                </mat-list-item>
              }
            </mat-list>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .card-heading {
      margin: 0;
      font: inherit;
    }
    mat-list-item {
      height: auto !important;
      padding-block: 8px;
    }
  `,
})
export class ScopeUsers implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly problems = inject(ProblemMessages);

  protected readonly page = signal<Page<UserResponse> | null>(null);
  protected readonly isLoading = signal(true);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.api.list({ page: 1, pageSize: SCOPE_USERS_PAGE_SIZE }).subscribe({
      next: (page) => {
        this.page.set(page);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error).message);
        this.isLoading.set(false);
      },
    });
  }
}
