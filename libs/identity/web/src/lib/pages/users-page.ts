import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ALL_ROLES, Role, UserResponse } from '@thuchoc/identity/contracts';
import { debouncedSearch, narrowScreen, ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { RoleBadges } from '../components/role-badges';
import { UserFilter, UsersStore } from '../data-access/users.store';
import { UserDialog, UserDialogData } from './user-dialog';

@Component({
  selector: 'th-users-page',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    ErrorAlert,
    RoleBadges,
  ],
  providers: [UsersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly injector = inject(Injector);
  protected readonly search = debouncedSearch((q) => this.applyFilter({ q }));

  protected readonly store = inject(UsersStore);
  protected readonly roles = ALL_ROLES;
  protected readonly columns = ['fullName', 'orgUnit', 'roles', 'status', 'actions'];
  protected readonly actionError = signal<string | null>(null);
  /** Cards instead of a table below 720 px, where five columns do not fit. */
  protected readonly isNarrow = narrowScreen();

  ngOnInit(): void {
    this.store.load();
  }

  protected applyFilter(change: Partial<UserFilter>): void {
    this.store.search({ ...this.store.filter(), ...change });
  }

  protected filterByStatus(value: string): void {
    this.applyFilter({ isActive: value === '' ? null : value === 'active' });
  }

  protected filterByRole(value: Role | ''): void {
    this.applyFilter({ role: value === '' ? null : value });
  }

  protected changePage(event: PageEvent): void {
    this.store.goToPage(event.pageIndex, event.pageSize);
  }

  protected openDialog(user: UserResponse | null): void {
    this.dialog
      .open<UserDialog, UserDialogData, UserResponse>(UserDialog, {
        data: { user },
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved !== undefined)
          this.notify(user === null ? 'identity.users.created' : 'identity.users.updated', saved);
      });
  }

  protected setActive(user: UserResponse, isActive: boolean): void {
    this.actionError.set(null);
    this.store.setActive(user, isActive).subscribe({
      next: () => this.notify(isActive ? 'identity.users.activated' : 'identity.users.deactivated', user),
      error: (error: unknown) => this.actionError.set(this.problems.describe(error).message),
    });
  }

  private notify(key: string, user: UserResponse): void {
    this.snackBar.open(this.transloco.translate(key, { name: user.fullName }), undefined, { duration: 4000 });
  }
}
