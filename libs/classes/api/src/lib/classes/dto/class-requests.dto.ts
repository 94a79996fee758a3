import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ClassListQuery,
  ClassStatus,
  ClassTransitionRequest,
  CreateClassRequest,
  UpdateClassRequest,
} from '@thuchoc/classes/contracts';
import { trimString, trimToNull, PageQueryDto } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class CreateClassDto implements CreateClassRequest {
  @ApiProperty()
  @IsUUID()
  courseId!: string;

  @ApiProperty({ example: 'DVM-2026-01' })
  @Transform(trimString)
  @IsString()
  @Matches(/^[\p{L}\p{N}._/-]{2,40}$/u, { message: 'code may hold letters, digits, . _ / - (2–40)' })
  code!: string;

  @ApiProperty({ example: 'Lớp bồi dưỡng đảng viên mới – đợt 1/2026' })
  @Transform(trimString)
  @IsString()
  @Length(3, 200)
  title!: string;

  @ApiPropertyOptional()
  @Transform(trimString)
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @ApiPropertyOptional({ description: "Defaults to the caller's own unit." })
  @IsOptional()
  @IsUUID()
  ownerUnitId?: string;

  /** Learners must belong to this unit's subtree. */
  @ApiProperty()
  @IsUUID()
  targetUnitId!: string;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  minSize!: number;

  @ApiPropertyOptional({ description: 'Defaults to capacity.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  plannedSize?: number;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @Transform(trimToNull)
  @IsOptional()
  @IsDateString({ strict: true })
  enrollmentOpensAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @Transform(trimToNull)
  @IsOptional()
  @IsDateString({ strict: true })
  enrollmentClosesAt?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isSelfEnrollmentAllowed?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  lecturerIds?: string[];
}

export class UpdateClassDto
  extends PartialType(OmitType(CreateClassDto, ['courseId', 'code', 'ownerUnitId'] as const))
  implements UpdateClassRequest {}

export class ClassListQueryDto extends PageQueryDto implements ClassListQuery {
  @ApiPropertyOptional()
  @Transform(trimString)
  @IsOptional()
  @IsString()
  @Length(0, 100)
  q?: string;

  @ApiPropertyOptional({ enum: ClassStatus })
  @IsOptional()
  @IsEnum(ClassStatus)
  status?: ClassStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  courseId?: string;
}

export class ClassTransitionDto implements ClassTransitionRequest {
  @ApiProperty({ enum: ClassStatus })
  @IsEnum(ClassStatus)
  to!: ClassStatus;

  @ApiPropertyOptional({ description: 'Required when opening needs approval.' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @Length(5, 2000)
  reason?: string;
}
