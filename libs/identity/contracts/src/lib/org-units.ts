export enum OrgUnitKind {
  Province = 'province',
  District = 'district',
  Commune = 'commune',
  Ward = 'ward',
  PartyCommittee = 'party_committee',
  Agency = 'agency',
  Cell = 'cell',
  PoliticalCentre = 'political_centre',
  Other = 'other',
}

export enum OrgUnitStatus {
  Active = 'active',
  /** Merged into a successor; kept so history still names it. */
  Merged = 'merged',
}

export interface OrgUnitResponse {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  status: OrgUnitStatus;
  mergedIntoId: string | null;
  /** 0 for a root. */
  depth: number;
  createdAt: string;
}

export enum OrgUnitEventType {
  Created = 'created',
  Renamed = 'renamed',
  Moved = 'moved',
  /** This unit was merged into another (the successor). */
  MergedInto = 'merged_into',
  /** Another unit (a predecessor) was merged into this one. */
  Absorbed = 'absorbed',
}

export interface OrgUnitHistoryEntry {
  id: string;
  unitId: string;
  type: OrgUnitEventType;
  occurredAt: string;
  actorId: string | null;
  reason: string | null;
  /** Name of the unit at the time of the event (before a rename). */
  nameBefore: string | null;
  nameAfter: string | null;
  parentBeforeId: string | null;
  parentAfterId: string | null;
  /** The other unit of a merge: the successor for `merged_into`, the predecessor for `absorbed`. */
  otherUnitId: string | null;
  otherUnitName: string | null;
}

export interface CreateOrgUnitRequest {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId?: string | null;
}

export interface RenameOrgUnitRequest {
  name: string;
  reason?: string;
}

export interface MoveOrgUnitRequest {
  parentId: string;
  reason?: string;
}

export interface MergeOrgUnitRequest {
  /** The successor that absorbs the unit's people and classes. */
  targetId: string;
  reason: string;
}
