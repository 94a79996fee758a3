import { ApiProperty } from '@nestjs/swagger';
import { AnswersShown, DrawRule, QuizResponse } from '@thuchoc/assessments/contracts';
import type { QuizRole } from '../quiz-access';
import { Quiz } from '../quiz.entity';
import { DrawRuleDto } from './quiz-requests.dto';

export class QuizResponseDto implements QuizResponse {
  @ApiProperty() id!: string;
  @ApiProperty() classId!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [DrawRuleDto] }) drawRules!: DrawRule[];
  @ApiProperty() questionCount!: number;
  @ApiProperty() isShufflingOptions!: boolean;
  @ApiProperty() opensAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty() timeLimitMinutes!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty() passMark!: number;
  @ApiProperty({ enum: AnswersShown }) answersShown!: AnswersShown;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty() isPublished!: boolean;
  @ApiProperty() hasAttempts!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/**
 * A quiz as its reader may see it. Learners get no draw rules: which topics
 * and difficulties an attempt is drawn from, and how many of each, is the
 * editors' blueprint, not a study guide to the bank (they see the count).
 */
export function toQuizResponse(quiz: Quiz, hasAttempts: boolean, role: QuizRole): QuizResponse {
  return {
    id: quiz.id,
    classId: quiz.classId,
    courseId: quiz.courseId,
    title: quiz.title,
    description: quiz.description,
    drawRules: role === 'learner' ? [] : quiz.drawRules,
    questionCount: quiz.questionCount,
    isShufflingOptions: quiz.isShufflingOptions,
    opensAt: quiz.opensAt.toISOString(),
    closesAt: quiz.closesAt.toISOString(),
    timeLimitMinutes: quiz.timeLimitMinutes,
    maxAttempts: quiz.maxAttempts,
    passMark: quiz.passMark,
    answersShown: quiz.answersShown,
    isFinal: quiz.isFinal,
    isPublished: quiz.isPublished,
    hasAttempts,
    createdAt: quiz.createdAt.toISOString(),
    updatedAt: quiz.updatedAt.toISOString(),
  };
}
