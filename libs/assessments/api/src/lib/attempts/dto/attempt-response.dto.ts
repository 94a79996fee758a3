import { ApiProperty } from '@nestjs/swagger';
import {
  AttemptAnswer,
  AttemptQuestion,
  AttemptReviewItem,
  AttemptStatus,
  AttemptSummary,
  AttemptView,
  EssayGrade,
  MyAttemptResult,
  QuestionType,
  QuizResultRow,
  SubmissionKind,
} from '@thuchoc/assessments/contracts';

export class AttemptSummaryDto implements AttemptSummary {
  @ApiProperty() id!: string;
  @ApiProperty() quizId!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: AttemptStatus }) status!: AttemptStatus;
  @ApiProperty() startedAt!: string;
  /** The server's deadline: min(start + time limit, quiz close). */
  @ApiProperty() deadline!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ enum: SubmissionKind, nullable: true }) submission!: SubmissionKind | null;
  /** 10-point scale; null until graded. */
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) isPassed!: boolean | null;
  /** An open similarity flag names one of its essays: the result is not final until it is resolved. */
  @ApiProperty() isUnderReview!: boolean;
}

export class AttemptQuestionDto implements AttemptQuestion {
  @ApiProperty() questionId!: string;
  @ApiProperty({ enum: QuestionType }) type!: QuestionType;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() stem!: string;
  /** In this attempt's order: answers name options by their index here. */
  @ApiProperty({ type: [String] }) options!: string[];
  @ApiProperty() points!: number;
}

export class AttemptAnswerDto implements AttemptAnswer {
  @ApiProperty() questionId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ type: [Number] }) choices!: number[];
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty() savedAt!: string;
}

export class AttemptViewDto extends AttemptSummaryDto implements AttemptView {
  /** The server's clock: the client's timer shows `deadline` against it. */
  @ApiProperty() now!: string;
  @ApiProperty({ type: [AttemptQuestionDto] }) questions!: AttemptQuestion[];
  @ApiProperty({ type: [AttemptAnswerDto] }) answers!: AttemptAnswer[];
}

export class AttemptReviewItemDto extends AttemptQuestionDto implements AttemptReviewItem {
  @ApiProperty({ type: [Number] }) choices!: number[];
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: [Number] }) correctChoices!: number[];
  @ApiProperty({ type: [String] }) acceptedAnswers!: string[];
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ type: Number, nullable: true }) pointsAwarded!: number | null;
}

export class MyAttemptResultDto extends AttemptSummaryDto implements MyAttemptResult {
  @ApiProperty({ type: Number, nullable: true }) pointsEarned!: number | null;
  @ApiProperty({ type: Number, nullable: true }) pointsPossible!: number | null;
  /** Only when the quiz's rule shows answers. */
  @ApiProperty({ type: [AttemptReviewItemDto], nullable: true }) review!: AttemptReviewItem[] | null;
  /** The rubric grade and comments, once graded, whatever the quiz's rule for keys. */
  @ApiProperty({ type: Object, nullable: true }) essayGrade!: EssayGrade | null;
}

export class QuizResultRowDto extends AttemptSummaryDto implements QuizResultRow {
  @ApiProperty() userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() username!: string;
}
