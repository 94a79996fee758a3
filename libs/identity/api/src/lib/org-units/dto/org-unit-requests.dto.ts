import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateOrgUnitRequest,
  MergeOrgUnitRequest,
  MoveOrgUnitRequest,
  OrgUnitKind,
  RenameOrgUnitRequest,
} from '@thuchoc/identity/contracts';
import { trimString } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class CreateOrgUnitDto implements CreateOrgUnitRequest {
  /** Short unique code, e.g. `DNI-DX`. */
  @ApiProperty({ example: 'DNI-DX' })
  @Transform(trimString)
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, {
    message: 'code may hold letters, digits, dot, dash and underscore (1–40)',
  })
  code!: string;

  @ApiProperty({ example: 'Phường Đồng Xoài' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: OrgUnitKind })
  @IsEnum(OrgUnitKind)
  kind!: OrgUnitKind;

  /** Parent unit; omitted or null for a new root. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class RenameOrgUnitDto implements RenameOrgUnitRequest {
  @ApiProperty()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class MoveOrgUnitDto implements MoveOrgUnitRequest {
  @ApiProperty()
  @IsUUID()
  parentId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class MergeOrgUnitDto implements MergeOrgUnitRequest {
  /** The successor that takes over the unit's people, children and classes. */
  @ApiProperty()
  @IsUUID()
  targetId!: string;

  @ApiProperty({ example: 'Nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025' })
  @Transform(trimString)
  @IsString()
  @Length(3, 1000)
  reason!: string;
}
