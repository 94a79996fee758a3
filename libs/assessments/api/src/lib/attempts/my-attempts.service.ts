import { Injectable } from '@nestjs/common';
import {
  AttemptReviewItem,
  AttemptStatus,
  MyAttemptResult,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import { Principal } from '@thuchoc/identity/api';
import { DataSource } from 'typeorm';
import { essayGradesOf } from '../essays/essay-grade-row';
import { correctChoices } from '../grading/scoring';
import { QuizAccess } from '../quizzes/quiz-access';
import { versionContents, versionKey } from './attempt-contents';
import {
  ANSWER_COLUMNS,
  AnswerRow,
  ATTEMPT_SUMMARY_COLUMNS,
  AttemptItem,
  AttemptSummaryRow,
  toAttemptSummary,
} from './attempt-row';
import { isReviewShown } from './attempt-rules';
import { toAttemptQuestion } from './attempts.service';

interface ResultRow extends AttemptSummaryRow {
  items: AttemptItem[];
  points_earned: number | null;
  points_possible: number | null;
}

/** A learner's own attempts of a quiz with their results, and the keys when the quiz's rule shows them. */
@Injectable()
export class MyAttemptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
  ) {}

  async list(principal: Principal, quizId: string): Promise<MyAttemptResult[]> {
    const { quiz } = await this.access.forQuiz(principal, quizId);
    const rows: ResultRow[] = await this.dataSource.query(
      `SELECT ${ATTEMPT_SUMMARY_COLUMNS}, a.items, a.points_earned::float AS points_earned,
              a.points_possible::float AS points_possible
         FROM quiz_attempts a WHERE a.quiz_id = $1 AND a.user_id = $2 ORDER BY a.number`,
      [quizId, principal.userId],
    );
    const now = new Date();
    const grades = await essayGradesOf(
      this.dataSource,
      rows.filter((row) => row.status === AttemptStatus.Graded).map((row) => row.id),
    );
    return Promise.all(
      rows.map(async (row) => ({
        ...toAttemptSummary(row),
        pointsEarned: row.points_earned,
        pointsPossible: row.points_possible,
        review: isReviewShown(quiz.answersShown, quiz.closesAt, row.status, now)
          ? await this.review(row)
          : null,
        essayGrade: grades.get(row.id) ?? null,
      })),
    );
  }

  private async review(row: ResultRow): Promise<AttemptReviewItem[]> {
    const [contents, answers] = await Promise.all([
      versionContents(this.dataSource, row.items),
      this.dataSource.query(`SELECT ${ANSWER_COLUMNS} FROM attempt_answers WHERE attempt_id = $1`, [
        row.id,
      ]) as Promise<AnswerRow[]>,
    ]);
    const answerOf = new Map(answers.map((answer) => [answer.question_id, answer]));
    return row.items.flatMap((item) => {
      const content = contents.get(versionKey(item.questionId, item.version));
      if (!content) return [];
      const answer = answerOf.get(item.questionId);
      return [
        {
          ...toAttemptQuestion(item, content),
          choices: answer?.choices ?? [],
          text: answer?.text ?? null,
          correctChoices: correctChoices(content, item.optionOrder),
          acceptedAnswers: content.acceptedAnswers,
          explanation: content.explanation,
          pointsAwarded: answer ? answer.points_awarded : content.type === QuestionType.Essay ? null : 0,
        },
      ];
    });
  }
}
