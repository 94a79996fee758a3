import { OrgUnitResponse, OrgUnitStatus } from '@thuchoc/identity/contracts';

export interface OrgUnitNode {
  unit: OrgUnitResponse;
  children: OrgUnitNode[];
  /** Name of the successor when the unit was merged, if it is in scope. */
  mergedIntoName: string | null;
}

/**
 * Builds the tree from the flat, scoped list. A unit whose parent is not in
 * the list (the root of the caller's scope) becomes a root. Active units come
 * before merged ones, then by name in Vietnamese order.
 */
export function buildOrgUnitTree(units: readonly OrgUnitResponse[]): OrgUnitNode[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const nodes = new Map<string, OrgUnitNode>(
    units.map((unit) => [
      unit.id,
      {
        unit,
        children: [],
        mergedIntoName: unit.mergedIntoId === null ? null : (byId.get(unit.mergedIntoId)?.name ?? null),
      },
    ]),
  );
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent === undefined ? roots : parent.children).push(node);
  }
  sortNodes(roots);
  return roots;
}

/** The unit's id and every descendant's: where it cannot move to or merge into. */
export function subtreeIds(units: readonly OrgUnitResponse[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Active units outside the given unit's subtree, sorted by name: valid new parents or merge targets. */
export function unitsOutsideSubtree(units: readonly OrgUnitResponse[], unitId: string): OrgUnitResponse[] {
  const excluded = subtreeIds(units, unitId);
  return units
    .filter((unit) => unit.status === OrgUnitStatus.Active && !excluded.has(unit.id))
    .sort((a, b) => compareNames(a.name, b.name));
}

/** The nodes above the unit, from its root down to its parent; empty for a root or an unknown id. */
export function ancestorsOf(roots: readonly OrgUnitNode[], unitId: string): OrgUnitNode[] {
  for (const node of roots) {
    if (node.unit.id === unitId) return [];
    const below = ancestorsOf(node.children, unitId);
    if (below.length > 0 || node.children.some((child) => child.unit.id === unitId)) return [node, ...below];
  }
  return [];
}

function sortNodes(nodes: OrgUnitNode[]): void {
  nodes.sort((a, b) => statusRank(a.unit) - statusRank(b.unit) || compareNames(a.unit.name, b.unit.name));
  for (const node of nodes) sortNodes(node.children);
}

function statusRank(unit: OrgUnitResponse): number {
  return unit.status === OrgUnitStatus.Active ? 0 : 1;
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'vi');
}
