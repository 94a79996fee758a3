import { ApiProperty } from '@nestjs/swagger';
import {
  QuestionContent,
  QuestionDifficulty,
  QuestionFileFormat,
  QuestionImportResult,
  QuestionOption,
  QuestionResponse,
  QuestionType,
  QuestionVersionResponse,
  TopicSummary,
} from '@thuchoc/assessments/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { Question } from '../question.entity';
import { QuestionOptionDto } from './question-requests.dto';

export class QuestionContentDto implements QuestionContent {
  @ApiProperty({ enum: QuestionType }) type!: QuestionType;
  @ApiProperty() topic!: string;
  @ApiProperty({ enum: QuestionDifficulty }) difficulty!: QuestionDifficulty;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: [QuestionOptionDto] }) options!: QuestionOption[];
  @ApiProperty({ type: [String] }) acceptedAnswers!: string[];
  @ApiProperty() acceptWithoutDiacritics!: boolean;
  @ApiProperty() points!: number;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
}

export class QuestionResponseDto extends QuestionContentDto implements QuestionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() courseId!: string;
  /** 1 when created; each change of content adds one. */
  @ApiProperty() version!: number;
  @ApiProperty() isArchived!: boolean;
  @ApiProperty({ type: String, nullable: true }) archivedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class QuestionPageDto implements Page<QuestionResponse> {
  @ApiProperty({ type: [QuestionResponseDto] }) items!: QuestionResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class QuestionVersionResponseDto implements QuestionVersionResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ type: QuestionContentDto }) content!: QuestionContent;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) createdById!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
}

const countsSchema = (keys: readonly string[]) => ({
  type: 'object' as const,
  properties: Object.fromEntries(keys.map((key) => [key, { type: 'integer' as const }])),
});

export class TopicSummaryDto implements TopicSummary {
  @ApiProperty() topic!: string;
  @ApiProperty() total!: number;
  @ApiProperty(countsSchema(Object.values(QuestionDifficulty)))
  byDifficulty!: Record<QuestionDifficulty, number>;
  @ApiProperty(countsSchema(Object.values(QuestionType)))
  byType!: Record<QuestionType, number>;
}

class TopicCountDto {
  @ApiProperty() topic!: string;
  @ApiProperty() count!: number;
}

export class QuestionImportResultDto implements QuestionImportResult {
  @ApiProperty({ enum: QuestionFileFormat }) format!: QuestionFileFormat;
  @ApiProperty() fileName!: string;
  @ApiProperty() imported!: number;
  @ApiProperty(countsSchema(Object.values(QuestionType)))
  byType!: Record<QuestionType, number>;
  @ApiProperty({ type: [TopicCountDto] }) topics!: { topic: string; count: number }[];
}

/** The versioned part of a question, in a fixed key order (it is hashed for the ledger). */
export function contentOf(question: QuestionContent): QuestionContent {
  return {
    type: question.type,
    topic: question.topic,
    difficulty: question.difficulty,
    title: question.title,
    stem: question.stem,
    options: question.options.map((option) => ({ text: option.text, isCorrect: option.isCorrect })),
    acceptedAnswers: [...question.acceptedAnswers],
    acceptWithoutDiacritics: question.acceptWithoutDiacritics,
    points: question.points,
    explanation: question.explanation,
  };
}

export function toQuestionResponse(question: Question): QuestionResponse {
  return {
    id: question.id,
    courseId: question.courseId,
    ...contentOf(question),
    version: question.version,
    isArchived: question.archivedAt !== null,
    archivedAt: question.archivedAt?.toISOString() ?? null,
    createdAt: question.createdAt.toISOString(),
    updatedAt: question.updatedAt.toISOString(),
  };
}

/** Zero for every key, to count into. */
export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}
