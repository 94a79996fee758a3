import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FlagListQuery, IntegrityFlagStatus, ResolveFlagRequest } from '@thuchoc/integrity/contracts';
import { trimString } from '@thuchoc/shared/api-core';
import { MAX_PAGE_SIZE } from '@thuchoc/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class FlagListQueryDto implements FlagListQuery {
  @ApiPropertyOptional({ enum: IntegrityFlagStatus })
  @IsOptional()
  @IsEnum(IntegrityFlagStatus)
  status?: IntegrityFlagStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @Type(() => Number)
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE })
  @Type(() => Number)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export class ResolveFlagDto implements ResolveFlagRequest {
  /** What was checked and what was concluded; kept on the flag and on the class's ledger. */
  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
