import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  CreateLessonRequest,
  CreateModuleRequest,
  UpdateLessonRequest,
  UpdateModuleRequest,
} from '@thuchoc/courses/contracts';
import { trimString, trimToNull } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** A new 1-based position among the siblings; the others are renumbered around it. */
const NewPosition = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1 }),
    ValidateIf((_object, value) => value !== undefined),
    IsInt(),
    Min(1),
  );

export class CreateModuleDto implements CreateModuleRequest {
  @ApiProperty({ example: 'Phần I. Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title!: string;
}

export class UpdateModuleDto
  extends PartialType(CreateModuleDto, { skipNullProperties: false })
  implements UpdateModuleRequest
{
  @NewPosition()
  position?: number;
}

export class CreateLessonDto implements CreateLessonRequest {
  @ApiProperty({ example: 'Bài 1. Học thuyết Mác - Lênin về Đảng Cộng sản' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title!: string;

  /** Rich text (HTML); only formatting tags, lists, headings, quotes and http(s)/mailto links are kept. */
  @ApiPropertyOptional({ example: '<p>Nội dung <strong>chính</strong></p>' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsString()
  @MaxLength(200_000)
  body?: string;

  /** An http(s) link to the lesson's video; null clears it. */
  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://www.youtube.com/watch?v=abc' })
  @Transform(trimToNull)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true })
  @MaxLength(2000)
  videoUrl?: string | null;

  /** Expected study time in minutes, 1–600; null clears it. */
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number | null;
}

export class UpdateLessonDto
  extends PartialType(CreateLessonDto, { skipNullProperties: false })
  implements UpdateLessonRequest
{
  @NewPosition()
  position?: number;
}
