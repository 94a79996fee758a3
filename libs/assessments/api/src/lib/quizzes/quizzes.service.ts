import { Injectable } from '@nestjs/common';
import {
  AnswersShown,
  QUIZ_FIELDS_EDITABLE_WITH_ATTEMPTS,
  QuizResponse,
  QuizResultRow,
  QuizSettings,
} from '@thuchoc/assessments/contracts';
import { Principal } from '@thuchoc/identity/api';
import { conflict } from '@thuchoc/shared/api-core';
import type { FieldError } from '@thuchoc/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { drawQuestions, seededRandom } from '../attempts/attempt-rules';
import { QuestionPool } from '../attempts/question-pool';
import { ATTEMPT_SUMMARY_COLUMNS, AttemptSummaryRow, toAttemptSummary } from '../attempts/attempt-row';
import { CreateQuizDto, UpdateQuizDto } from './dto/quiz-requests.dto';
import { toQuizResponse } from './dto/quiz-response.dto';
import { classNotFound, QuizAccess } from './quiz-access';
import { assertQuiz, cleanQuiz, questionCount } from './quiz-rules';
import { Quiz } from './quiz.entity';

const DEFAULTS = {
  description: '',
  isShufflingOptions: true,
  maxAttempts: 1,
  passMark: 5,
  answersShown: AnswersShown.AfterClose,
  isFinal: false,
  isPublished: false,
};

const settingsOf = (quiz: Quiz): QuizSettings => ({
  title: quiz.title,
  description: quiz.description,
  drawRules: quiz.drawRules,
  isShufflingOptions: quiz.isShufflingOptions,
  opensAt: quiz.opensAt.toISOString(),
  closesAt: quiz.closesAt.toISOString(),
  timeLimitMinutes: quiz.timeLimitMinutes,
  maxAttempts: quiz.maxAttempts,
  passMark: quiz.passMark,
  answersShown: quiz.answersShown,
  isFinal: quiz.isFinal,
  isPublished: quiz.isPublished,
});

/**
 * A class's quizzes: editors create and change them (their rules only until
 * the first attempt), readers and learners read them (learners only the
 * published ones), staff read the class's results.
 */
@Injectable()
export class QuizzesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
    private readonly pool: QuestionPool,
  ) {}

  async list(principal: Principal, classId: string): Promise<QuizResponse[]> {
    const { role } = await this.access.forClass(principal, classId);
    const quizzes = await this.dataSource.getRepository(Quiz).find({
      where: { classId, ...(role === 'learner' ? { isPublished: true } : {}) },
      order: { opensAt: 'ASC', createdAt: 'ASC' },
    });
    const withAttempts = await this.withAttempts(quizzes.map((quiz) => quiz.id));
    return quizzes.map((quiz) => toQuizResponse(quiz, withAttempts.has(quiz.id), role));
  }

  async get(principal: Principal, quizId: string): Promise<QuizResponse> {
    const { quiz, role } = await this.access.forQuiz(principal, quizId);
    return toQuizResponse(quiz, (await this.withAttempts([quiz.id])).size > 0, role);
  }

  /** 400 `quiz.invalid` when the settings break a rule or the bank lacks the questions the rules draw. */
  async create(principal: Principal, classId: string, dto: CreateQuizDto): Promise<QuizResponse> {
    const { role, courseId } = await this.access.forClass(principal, classId);
    this.access.assertEditor(role, classNotFound);
    const settings = cleanQuiz({ ...DEFAULTS, ...dto, description: dto.description ?? '' });
    await this.assertSettings(courseId, settings);
    const repository = this.dataSource.getRepository(Quiz);
    const quiz = await repository.save(
      repository.create({
        ...this.columns(settings),
        classId,
        courseId,
        createdBy: principal.userId,
        updatedBy: principal.userId,
      }),
    );
    return toQuizResponse(quiz, false, role);
  }

  /**
   * Changes a quiz. Once a learner has started an attempt, its rules are
   * frozen (409 `quiz.has-attempts`): only title, description and
   * publication may change. The row is locked, so an attempt starting at the
   * same moment is seen.
   */
  async update(principal: Principal, quizId: string, dto: UpdateQuizDto): Promise<QuizResponse> {
    const { role } = await this.access.forQuiz(principal, quizId);
    this.access.assertEditor(role);
    return this.dataSource.transaction(async (tx) => {
      const current = await tx.findOneOrFail(Quiz, {
        where: { id: quizId },
        lock: { mode: 'pessimistic_write' },
      });
      const sent = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
      const hasAttempts = (await this.withAttempts([quizId], tx)).size > 0;
      const frozen = Object.keys(sent).filter(
        (field) => !(QUIZ_FIELDS_EDITABLE_WITH_ATTEMPTS as readonly string[]).includes(field),
      );
      if (hasAttempts && frozen.length > 0) {
        throw conflict(
          'quiz.has-attempts',
          `Learners have started this quiz: its rules (${frozen.join(', ')}) can no longer change.`,
        );
      }
      const settings = cleanQuiz({ ...settingsOf(current), ...sent });
      await this.assertSettings(current.courseId, settings);
      await tx.update(Quiz, quizId, { ...this.columns(settings), updatedBy: principal.userId });
      return toQuizResponse(await tx.findOneByOrFail(Quiz, { id: quizId }), hasAttempts, role);
    });
  }

  /** Every attempt of the quiz with its learner and result, for the class's staff and lecturers. */
  async results(principal: Principal, quizId: string): Promise<QuizResultRow[]> {
    const { role } = await this.access.forQuiz(principal, quizId);
    this.access.assertStaff(role);
    const rows: (AttemptSummaryRow & { user_id: string; full_name: string; username: string })[] =
      await this.dataSource.query(
        `SELECT ${ATTEMPT_SUMMARY_COLUMNS}, a.user_id, u.full_name, u.username
           FROM quiz_attempts a JOIN users u ON u.id = a.user_id
          WHERE a.quiz_id = $1
          ORDER BY u.full_name, u.username, a.number`,
        [quizId],
      );
    return rows.map((row) => ({
      ...toAttemptSummary(row),
      userId: row.user_id,
      fullName: row.full_name,
      username: row.username,
    }));
  }

  private columns(settings: QuizSettings) {
    return {
      ...settings,
      opensAt: new Date(settings.opensAt),
      closesAt: new Date(settings.closesAt),
      questionCount: questionCount(settings.drawRules),
    };
  }

  /** The rules, and enough active questions in the bank for every draw rule. */
  private async assertSettings(courseId: string, settings: QuizSettings): Promise<void> {
    const pool = await this.pool.fresh(courseId);
    const { shortfalls } = drawQuestions(pool, settings.drawRules, seededRandom(0));
    const extra: FieldError[] = shortfalls.map(({ rule, available }) => ({
      field: `drawRules.${rule}.count`,
      messages: [`Ngân hàng chỉ có ${available} câu hỏi phù hợp quy tắc này.`],
    }));
    assertQuiz(settings, extra);
  }

  private async withAttempts(
    quizIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (quizIds.length === 0) return new Set();
    const rows: { quiz_id: string }[] = await manager.query(
      'SELECT DISTINCT quiz_id FROM quiz_attempts WHERE quiz_id = ANY($1::uuid[])',
      [quizIds],
    );
    return new Set(rows.map((row) => row.quiz_id));
  }
}
