import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTION_LIMITS, SaveAnswerRequest } from '@thuchoc/assessments/contracts';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ANSWER_TEXT_LIMITS } from '../attempt-rules';

const IfPresent = () => ValidateIf((_object, value) => value !== undefined);

/** One answer: `choices` for a choice question, `text` for a short answer or an essay. */
export class SaveAnswerDto implements SaveAnswerRequest {
  /** The client's sequence number for this question: a write with a number not above the stored one is ignored. */
  @ApiProperty({ minimum: 0, example: 3 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  seq!: number;

  /** Option indexes in the attempt's order; empty clears the answer. */
  @ApiPropertyOptional({ type: [Number] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(QUESTION_LIMITS.maxOptions)
  @IsInt({ each: true })
  choices?: number[];

  @ApiPropertyOptional({ maxLength: ANSWER_TEXT_LIMITS.essay })
  @IfPresent()
  @IsString()
  @MaxLength(ANSWER_TEXT_LIMITS.essay)
  text?: string;
}
