import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTree, MatTreeModule } from '@angular/material/tree';
import { OrgUnitResponse, OrgUnitStatus } from '@thuchoc/identity/contracts';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrgUnitHistory } from '../components/org-unit-history';
import { OrgUnitNode, ancestorsOf } from '../data-access/org-unit-tree';
import { OrgUnitsStore } from '../data-access/org-units.store';
import { OrgUnitAction, OrgUnitDialog, OrgUnitDialogData } from './org-unit-dialog';

@Component({
  selector: 'th-org-units-page',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatTreeModule,
    TranslocoPipe,
    ErrorAlert,
    OrgUnitHistory,
  ],
  providers: [OrgUnitsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-units-page.html',
  styleUrl: './org-units-page.scss',
})
export class OrgUnitsPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly tree = viewChild<MatTree<OrgUnitNode, string>>('tree');

  protected readonly store = inject(OrgUnitsStore);
  protected readonly merged = OrgUnitStatus.Merged;
  protected readonly children = (node: OrgUnitNode): OrgUnitNode[] => node.children;
  protected readonly hasChildren = (_: number, node: OrgUnitNode): boolean => node.children.length > 0;
  /** Keeps nodes expanded across reloads, which build new node objects. */
  protected readonly expansionKey = (node: OrgUnitNode): string => node.unit.id;

  constructor() {
    // The selected unit is always visible, e.g. a child just created under a collapsed parent.
    effect(() => {
      const tree = this.tree();
      const selectedId = this.store.selectedId();
      if (tree === undefined || selectedId === null) return;
      for (const node of ancestorsOf(this.store.tree(), selectedId)) tree.expand(node);
    });
  }

  ngOnInit(): void {
    this.store.load();
  }

  protected select(node: OrgUnitNode): void {
    this.store.select(node.unit.id);
  }

  protected open(action: OrgUnitAction, unit: OrgUnitResponse | null): void {
    // The page's injector lets the dialog use this page's store.
    this.dialog.open<OrgUnitDialog, OrgUnitDialogData>(OrgUnitDialog, {
      data: { action, unit },
      injector: this.injector,
      autoFocus: 'first-tabbable',
      maxWidth: '95vw',
    });
  }
}
