import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  booleanAttribute,
  inject,
  input,
} from '@angular/core';
import { debouncedSearch, narrowScreen } from '@thuchoc/shared/web-core';
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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ClassResponse, ClassStatus } from '@thuchoc/classes/contracts';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ClassFilter, ClassListStore } from '../data-access/classes-list.store';
import { ClassDialog, ClassDialogData } from './class-dialog';
import { ClassStatusBadge } from './class-status-badge';

/** The classes in the caller's scope; centre staff create classes here, auditors only read. */
@Component({
  selector: 'th-class-list-page',
  imports: [
    RouterLink,
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
    ClassStatusBadge,
  ],
  providers: [ClassListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-list-page.html',
  styleUrl: './class-list-page.scss',
})
export class ClassListPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly search = debouncedSearch((q) => this.applyFilter({ q }));

  /** From the route's data: the auditor's view has no actions. */
  readonly isReadOnly = input(false, { transform: booleanAttribute });

  protected readonly store = inject(ClassListStore);
  protected readonly list = this.store.list;
  protected readonly statuses = Object.values(ClassStatus);
  protected readonly columns = ['class', 'course', 'status', 'learners', 'targetUnit'];
  /** Cards instead of a table below 720 px, where five columns do not fit. */
  protected readonly isNarrow = narrowScreen();

  ngOnInit(): void {
    this.list.load();
  }

  protected applyFilter(change: Partial<ClassFilter>): void {
    this.list.search({ ...this.list.filter(), ...change });
  }

  protected filterByStatus(value: ClassStatus | ''): void {
    this.applyFilter({ status: value === '' ? null : value });
  }

  protected changePage(event: PageEvent): void {
    this.list.goToPage(event.pageIndex, event.pageSize);
  }

  protected create(): void {
    this.dialog
      .open<ClassDialog, ClassDialogData, ClassResponse>(ClassDialog, {
        data: { detail: null, save: (request) => this.store.create(request) },
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((created) => {
        if (created === undefined) return;
        this.snackBar.open(
          this.transloco.translate('classes.list.created', { title: created.title }),
          undefined,
          {
            duration: 4000,
          },
        );
        void this.router.navigate([created.id], { relativeTo: this.route });
      });
  }
}
