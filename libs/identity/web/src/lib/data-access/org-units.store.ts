import { Injectable, computed, inject, signal } from '@angular/core';
import {
  CreateOrgUnitRequest,
  MergeOrgUnitRequest,
  MoveOrgUnitRequest,
  OrgUnitHistoryEntry,
  OrgUnitResponse,
  RenameOrgUnitRequest,
} from '@thuchoc/identity/contracts';
import { ErrorView, ProblemMessages } from '@thuchoc/shared/web-core';
import { Observable, OperatorFunction, Subscription, map, switchMap, tap } from 'rxjs';
import { OrgUnitsApi } from './identity-api';
import { buildOrgUnitTree } from './org-unit-tree';

/** The org-unit tree page's state: the scoped units, the selected one and its history. */
@Injectable()
export class OrgUnitsStore {
  private readonly api = inject(OrgUnitsApi);
  private readonly problems = inject(ProblemMessages);
  private historyRequest: Subscription | null = null;

  readonly units = signal<OrgUnitResponse[]>([]);
  readonly isLoading = signal(false);
  readonly error = signal<ErrorView | null>(null);
  readonly selectedId = signal<string | null>(null);
  readonly history = signal<OrgUnitHistoryEntry[] | null>(null);
  readonly historyError = signal<ErrorView | null>(null);

  readonly tree = computed(() => buildOrgUnitTree(this.units()));
  readonly byId = computed(() => new Map(this.units().map((unit) => [unit.id, unit])));
  readonly selected = computed(() => {
    const id = this.selectedId();
    return id === null ? null : (this.byId().get(id) ?? null);
  });

  load(): void {
    this.isLoading.set(true);
    this.error.set(null);
    this.api.list().subscribe({
      next: (units) => {
        this.units.set(units);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error));
        this.isLoading.set(false);
      },
    });
  }

  select(id: string): void {
    this.selectedId.set(id);
    this.loadHistory(id);
  }

  create(request: CreateOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.api.create(request).pipe(this.afterChange());
  }

  rename(id: string, request: RenameOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.api.rename(id, request).pipe(this.afterChange());
  }

  move(id: string, request: MoveOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.api.move(id, request).pipe(this.afterChange());
  }

  merge(id: string, request: MergeOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.api.merge(id, request).pipe(this.afterChange());
  }

  /** After a change: reload the list (a move or merge touches more than one unit) and select the changed unit. */
  private afterChange(): OperatorFunction<OrgUnitResponse, OrgUnitResponse> {
    return (source) =>
      source.pipe(
        switchMap((changed) =>
          this.api.list().pipe(
            tap((units) => {
              this.units.set(units);
              this.select(changed.id);
            }),
            map(() => changed),
          ),
        ),
      );
  }

  private loadHistory(id: string): void {
    this.historyRequest?.unsubscribe();
    this.history.set(null);
    this.historyError.set(null);
    this.historyRequest = this.api.history(id).subscribe({
      next: (entries) => this.history.set(entries),
      error: (error: unknown) => this.historyError.set(this.problems.describe(error)),
    });
  }
}
