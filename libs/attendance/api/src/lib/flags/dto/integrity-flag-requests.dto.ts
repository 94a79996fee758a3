import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FlagListQuery, IntegrityFlagStatus, ResolveFlagRequest } from '@thuchoc/integrity/contracts';
import { trimString, PageQueryDto } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class FlagListQueryDto extends PageQueryDto implements FlagListQuery {
  @ApiPropertyOptional({ enum: IntegrityFlagStatus })
  @IsOptional()
  @IsEnum(IntegrityFlagStatus)
  status?: IntegrityFlagStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  classId?: string;
}

export class ResolveFlagDto implements ResolveFlagRequest {
  /** What was checked and what was concluded; kept on the flag and on the class's ledger. */
  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
