import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  CreateQuestionRequest,
  QUESTION_LIMITS,
  QuestionDifficulty,
  QuestionListQuery,
  QuestionOption,
  QuestionStatusFilter,
  QuestionType,
  UpdateQuestionRequest,
} from '@thuchoc/assessments/contracts';
import { PageQueryDto } from '@thuchoc/shared/api-core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

// Types are checked here; the rules of each question type and the lengths are checked by
// `questionProblems`, the same function that checks imported files.

/** More than the rules allow, so that the rules name the problem; bounded, so a body stays small. */
const MAX_LIST = 50;

/** Present means not null: the field may be left out, but not sent as null. */
const IfPresent = () => ValidateIf((_object, value) => value !== undefined);

export class QuestionOptionDto implements QuestionOption {
  @ApiProperty({ maxLength: QUESTION_LIMITS.optionLength, example: '1930' })
  @IsString()
  text!: string;

  @ApiProperty()
  @IsBoolean()
  isCorrect!: boolean;
}

export class CreateQuestionDto implements CreateQuestionRequest {
  @ApiProperty({ enum: QuestionType })
  @IsEnum(QuestionType)
  type!: QuestionType;

  /** The topic quizzes draw by, 1–100 characters. */
  @ApiProperty({ example: 'Lịch sử Đảng' })
  @IsString()
  topic!: string;

  @ApiProperty({ enum: QuestionDifficulty })
  @IsEnum(QuestionDifficulty)
  difficulty!: QuestionDifficulty;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: QUESTION_LIMITS.titleLength })
  @IsOptional()
  @IsString()
  title?: string | null;

  /** Plain text. */
  @ApiProperty({ maxLength: QUESTION_LIMITS.stemLength, example: 'Đảng Cộng sản Việt Nam ra đời năm nào?' })
  @IsString()
  stem!: string;

  /** Choice types: 2–10 options (true/false: exactly `Đúng`, `Sai`); others: none. */
  @ApiPropertyOptional({ type: [QuestionOptionDto] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options?: QuestionOptionDto[];

  /** Short answer: 1–20 accepted answers; others: none. */
  @ApiPropertyOptional({ type: [String] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  acceptedAnswers?: string[];

  /** Short answer: also accept the answer typed without any diacritics (đ as d). */
  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  acceptWithoutDiacritics?: boolean;

  @ApiPropertyOptional({ default: 1, minimum: 0, exclusiveMinimum: true, maximum: QUESTION_LIMITS.maxPoints })
  @IfPresent()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points?: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: QUESTION_LIMITS.explanationLength })
  @IsOptional()
  @IsString()
  explanation?: string | null;
}

/** Any field may change (title and explanation may be cleared with null); the result must pass the rules. */
export class UpdateQuestionDto
  extends PartialType(CreateQuestionDto, { skipNullProperties: false })
  implements UpdateQuestionRequest {}

export class QuestionListQueryDto extends PageQueryDto implements QuestionListQuery {
  @ApiPropertyOptional({ enum: QuestionType })
  @IsOptional()
  @IsEnum(QuestionType)
  type?: QuestionType;

  /** Exactly this topic. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, QUESTION_LIMITS.topicLength)
  topic?: string;

  @ApiPropertyOptional({ enum: QuestionDifficulty })
  @IsOptional()
  @IsEnum(QuestionDifficulty)
  difficulty?: QuestionDifficulty;

  /** Matches title, topic or stem, with or without Vietnamese diacritics. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: QuestionStatusFilter, default: QuestionStatusFilter.Active })
  @IsOptional()
  @IsEnum(QuestionStatusFilter)
  status?: QuestionStatusFilter;
}
