import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  CompletionPolicy,
  CourseAudience,
  CourseListQuery,
  CreateCourseRequest,
  GradeComponent,
  GradeWeight,
  GradingScheme,
  UpdateCourseRequest,
} from '@thuchoc/courses/contracts';
import { trimString, PageQueryDto } from '@thuchoc/shared/api-core';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Present means not null: the field may be left out, but not cleared. */
const IfPresent = () => ValidateIf((_object, value) => value !== undefined);

export class CreateCourseDto implements CreateCourseRequest {
  /** Short unique code (case-insensitive), e.g. `BDDVM-2026`. */
  @ApiProperty({ example: 'BDDVM-2026' })
  @Transform(trimString)
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, {
    message: 'code may hold letters, digits, dot, dash and underscore (1–40)',
  })
  code!: string;

  @ApiProperty({ example: 'Bồi dưỡng lý luận chính trị cho đảng viên mới' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional()
  @Transform(trimString)
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @ApiProperty({ enum: CourseAudience })
  @IsEnum(CourseAudience)
  audience!: CourseAudience;

  /** Hours of study the programme requires, 1–2000. */
  @ApiProperty({ minimum: 1, maximum: 2000, example: 40 })
  @IsInt()
  @Min(1)
  @Max(2000)
  requiredHours!: number;

  /** Defaults to the caller's own unit; must lie in the caller's scope. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  ownerUnitId?: string;
}

export class GradeWeightDto implements GradeWeight {
  @ApiProperty({ enum: GradeComponent })
  @IsEnum(GradeComponent)
  component!: GradeComponent;

  /** Whole percent, 0–100. */
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  weight!: number;
}

/** Each component at most once; the weights sum to exactly 100. */
export class GradingSchemeDto implements GradingScheme {
  @ApiProperty({ type: [GradeWeightDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GradeWeightDto)
  components!: GradeWeightDto[];
}

export class CompletionPolicyDto implements CompletionPolicy {
  /** Minimum share of sessions attended, percent. */
  @ApiProperty({ minimum: 0, maximum: 100, example: 80 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  minAttendancePercent!: number;

  /** Minimum verified presence as a share of live time, percent. */
  @ApiProperty({ minimum: 0, maximum: 100, example: 70 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  minPresencePercent!: number;

  /** Pass mark of the final assessment on the 10-point scale. */
  @ApiProperty({ minimum: 0, maximum: 10, example: 5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  finalPassMark!: number;

  @ApiProperty()
  @IsBoolean()
  isEssayRequired!: boolean;

  /** How many open integrity flags still allow certification. */
  @ApiProperty({ minimum: 0, example: 0 })
  @IsInt()
  @Min(0)
  maxOpenIntegrityFlags!: number;
}

/** The code and the owner stay; everything else may change, but nothing may be cleared. */
export class UpdateCourseDto
  extends PartialType(OmitType(CreateCourseDto, ['code', 'ownerUnitId'] as const), {
    skipNullProperties: false,
  })
  implements UpdateCourseRequest
{
  @ApiPropertyOptional({ type: GradingSchemeDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => GradingSchemeDto)
  gradingScheme?: GradingSchemeDto;

  @ApiPropertyOptional({ type: CompletionPolicyDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => CompletionPolicyDto)
  completionPolicy?: CompletionPolicyDto;
}

export class CourseListQueryDto extends PageQueryDto implements CourseListQuery {
  /** Matches code or title, with or without Vietnamese diacritics. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: CourseAudience })
  @IsOptional()
  @IsEnum(CourseAudience)
  audience?: CourseAudience;
}
