import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  AnswersShown,
  CreateQuizRequest,
  DrawRule,
  QuestionDifficulty,
  QUIZ_LIMITS,
  UpdateQuizRequest,
} from '@thuchoc/assessments/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

// Types are checked here; ranges and the relations between fields by `quizProblems`.

/** Present means not null. */
const IfPresent = () => ValidateIf((_object, value) => value !== undefined);
const finite = { allowNaN: false, allowInfinity: false };

export class DrawRuleDto implements DrawRule {
  @ApiProperty({ example: 'Lịch sử Đảng' })
  @IsString()
  topic!: string;

  /** Null or left out: any difficulty. */
  @ApiPropertyOptional({ enum: QuestionDifficulty, nullable: true })
  @IsOptional()
  @IsEnum(QuestionDifficulty)
  difficulty!: QuestionDifficulty | null;

  @ApiProperty({ minimum: 1, example: 5 })
  @IsNumber(finite)
  count!: number;
}

export class CreateQuizDto implements CreateQuizRequest {
  @ApiProperty({ maxLength: QUIZ_LIMITS.titleLength, example: 'Kiểm tra giữa khóa' })
  @IsString()
  title!: string;

  @ApiPropertyOptional({ maxLength: QUIZ_LIMITS.descriptionLength })
  @IfPresent()
  @IsString()
  description?: string;

  /** 1–20 rules, 1–200 questions in all. */
  @ApiProperty({ type: [DrawRuleDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DrawRuleDto)
  drawRules!: DrawRuleDto[];

  @ApiPropertyOptional({ default: true })
  @IfPresent()
  @IsBoolean()
  isShufflingOptions?: boolean;

  @ApiProperty({ example: '2026-03-02T01:00:00Z' })
  @IsISO8601({ strict: true })
  opensAt!: string;

  @ApiProperty({ example: '2026-03-09T01:00:00Z' })
  @IsISO8601({ strict: true })
  closesAt!: string;

  @ApiProperty({ minimum: 1, maximum: QUIZ_LIMITS.maxTimeLimitMinutes, example: 30 })
  @IsNumber(finite)
  timeLimitMinutes!: number;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: QUIZ_LIMITS.maxAttempts })
  @IfPresent()
  @IsNumber(finite)
  maxAttempts?: number;

  /** On the 10-point scale. */
  @ApiPropertyOptional({ default: 5, minimum: 0, maximum: QUIZ_LIMITS.maxScore })
  @IfPresent()
  @IsNumber(finite)
  passMark?: number;

  @ApiPropertyOptional({ enum: AnswersShown, default: AnswersShown.AfterClose })
  @IfPresent()
  @IsEnum(AnswersShown)
  answersShown?: AnswersShown;

  /** The final assessment: only learners who meet the attendance rule so far may start it. */
  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  isFinal?: boolean;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  isPublished?: boolean;
}

/** Any field until the first attempt; then only title, description and isPublished (else 409 `quiz.has-attempts`). */
export class UpdateQuizDto extends PartialType(CreateQuizDto) implements UpdateQuizRequest {}
