import { ApiProperty } from '@nestjs/swagger';
import {
  OrgUnitEventType,
  OrgUnitHistoryEntry,
  OrgUnitKind,
  OrgUnitResponse,
  OrgUnitStatus,
} from '@thuchoc/identity/contracts';
import { OrgUnitEvent } from '../org-unit-event.entity';
import { OrgUnit } from '../org-unit.entity';

export class OrgUnitResponseDto implements OrgUnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: OrgUnitKind }) kind!: OrgUnitKind;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ enum: OrgUnitStatus }) status!: OrgUnitStatus;
  @ApiProperty({ nullable: true, type: String }) mergedIntoId!: string | null;
  @ApiProperty() depth!: number;
  @ApiProperty() createdAt!: string;
}

export class OrgUnitHistoryEntryDto implements OrgUnitHistoryEntry {
  @ApiProperty() id!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: OrgUnitEventType }) type!: OrgUnitEventType;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) nameBefore!: string | null;
  @ApiProperty({ nullable: true, type: String }) nameAfter!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentBeforeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentAfterId!: string | null;
  @ApiProperty({ nullable: true, type: String }) otherUnitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) otherUnitName!: string | null;
}

export function toOrgUnitResponse(unit: OrgUnit): OrgUnitResponse {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    status: unit.status,
    mergedIntoId: unit.mergedIntoId,
    depth: unit.depth,
    createdAt: unit.createdAt.toISOString(),
  };
}

export function toOrgUnitHistoryEntry(event: OrgUnitEvent): OrgUnitHistoryEntry {
  return {
    id: event.id,
    unitId: event.unitId,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    reason: event.reason,
    nameBefore: event.nameBefore,
    nameAfter: event.nameAfter,
    parentBeforeId: event.parentBeforeId,
    parentAfterId: event.parentAfterId,
    otherUnitId: event.otherUnitId,
    otherUnitName: event.otherUnitName,
  };
}
