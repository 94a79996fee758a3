import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ResolveSimilarityFlagRequest,
  RUBRIC_LIMITS,
  SimilarityFlagStatus,
  SimilarityOutcome,
} from '@thuchoc/assessments/contracts';
import { trimString } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SimilarityFlagQueryDto {
  /** Default `open`. */
  @ApiPropertyOptional({ enum: SimilarityFlagStatus })
  @IsOptional()
  @IsEnum(SimilarityFlagStatus)
  status?: SimilarityFlagStatus;
}

export class ResolveSimilarityFlagDto implements ResolveSimilarityFlagRequest {
  @ApiProperty({ enum: SimilarityOutcome }) @IsEnum(SimilarityOutcome) outcome!: SimilarityOutcome;

  /** Why: it goes on the class's ledger. */
  @ApiProperty({ maxLength: RUBRIC_LIMITS.reasonLength })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(RUBRIC_LIMITS.reasonLength)
  reason!: string;
}
