import { OrgUnitKind, OrgUnitResponse, OrgUnitStatus } from '@thuchoc/identity/contracts';
import { ancestorsOf, buildOrgUnitTree, unitsOutsideSubtree } from './org-unit-tree';

function makeUnit(overrides: Partial<OrgUnitResponse> & { id: string }): OrgUnitResponse {
  return {
    code: overrides.id,
    name: overrides.id,
    kind: OrgUnitKind.Other,
    parentId: null,
    status: OrgUnitStatus.Active,
    mergedIntoId: null,
    depth: 0,
    createdAt: '2025-07-01T00:00:00Z',
    ...overrides,
  };
}

describe('buildOrgUnitTree', () => {
  it('nests units under their parents and names the successor of a merged unit', () => {
    const units = [
      makeUnit({ id: 'dn', name: 'Đồng Nai' }),
      makeUnit({
        id: 'bp',
        name: 'Bình Phước',
        parentId: 'dn',
        status: OrgUnitStatus.Merged,
        mergedIntoId: 'dn',
      }),
      makeUnit({ id: 'bh', name: 'Biên Hoà', parentId: 'dn' }),
    ];

    const [root] = buildOrgUnitTree(units);

    expect(root.unit.id).toBe('dn');
    expect(root.children.map((child) => child.unit.id)).toEqual(['bh', 'bp']);
    expect(root.children[1].mergedIntoName).toBe('Đồng Nai');
  });

  it('makes a unit whose parent is outside the scope a root', () => {
    const roots = buildOrgUnitTree([makeUnit({ id: 'x', parentId: 'outside' })]);
    expect(roots.map((node) => node.unit.id)).toEqual(['x']);
  });
});

describe('unitsOutsideSubtree', () => {
  it('leaves out the unit, its descendants and merged units', () => {
    const units = [
      makeUnit({ id: 'a' }),
      makeUnit({ id: 'b', parentId: 'a' }),
      makeUnit({ id: 'c', parentId: 'b' }),
      makeUnit({ id: 'd' }),
      makeUnit({ id: 'e', status: OrgUnitStatus.Merged, mergedIntoId: 'd' }),
    ];
    expect(unitsOutsideSubtree(units, 'b').map((unit) => unit.id)).toEqual(['a', 'd']);
  });
});

describe('ancestorsOf', () => {
  it('lists the path from the root down to the parent', () => {
    const roots = buildOrgUnitTree([
      makeUnit({ id: 'a' }),
      makeUnit({ id: 'b', parentId: 'a' }),
      makeUnit({ id: 'c', parentId: 'b' }),
    ]);
    expect(ancestorsOf(roots, 'c').map((node) => node.unit.id)).toEqual(['a', 'b']);
    expect(ancestorsOf(roots, 'a')).toEqual([]);
  });
});
