import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CriterionGradeRequest,
  EssayGradeRequest,
  GradingQueueStatus,
  RubricCriterion,
  RubricLevel,
  RubricRequest,
} from '@thuchoc/assessments/contracts';
import { PageQueryDto } from '@thuchoc/shared/api-core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';

// Types are checked here; ranges, uniqueness and the fit to the rubric by `rubric-rules.ts`.

const finite = { allowNaN: false, allowInfinity: false };

export class RubricLevelDto implements RubricLevel {
  @ApiProperty({ example: 'Tốt' }) @IsString() label!: string;
  /** 0–100, two decimals. */
  @ApiProperty({ example: 3 }) @IsNumber(finite) points!: number;
}

export class RubricCriterionDto implements RubricCriterion {
  @ApiProperty({ example: 'Nắm vững lý luận' }) @IsString() label!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;
  /** 2–10 levels with unique labels. */
  @ApiProperty({ type: [RubricLevelDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RubricLevelDto)
  levels!: RubricLevelDto[];
}

export class RubricRequestDto implements RubricRequest {
  /** 1–20 criteria with unique labels. */
  @ApiProperty({ type: [RubricCriterionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  criteria!: RubricCriterionDto[];
}

export class CriterionGradeDto implements CriterionGradeRequest {
  /** Index of the level picked, in the rubric's order. */
  @ApiProperty() @IsNumber(finite) levelIndex!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() comment?: string;
}

export class EssayGradeDto implements EssayGradeRequest {
  /** One per rubric criterion, in its order. */
  @ApiProperty({ type: [CriterionGradeDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionGradeDto)
  criteria!: CriterionGradeDto[];

  @ApiPropertyOptional() @IsOptional() @IsString() comment?: string;

  /** Required when the attempt was graded before: it goes on the ledger. */
  @ApiPropertyOptional() @IsOptional() @IsString() reason?: string;
}

export class GradingQueueQueryDto extends PageQueryDto {
  /** Default `awaiting-grading`. */
  @ApiPropertyOptional({ enum: GradingQueueStatus })
  @IsOptional()
  @IsEnum(GradingQueueStatus)
  status?: GradingQueueStatus;

  @ApiPropertyOptional() @IsOptional() @IsUUID() quizId?: string;
}
