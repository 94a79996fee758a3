import { Injectable } from '@nestjs/common';
import {
  DEFAULT_QUESTION_POINTS,
  QUESTION_DIFFICULTIES,
  QUESTION_TYPES,
  QuestionBankLedgerType,
  questionBankChain,
  QuestionContent,
  QuestionDifficulty,
  QuestionStatusFilter,
  QuestionType,
  QuestionVersionResponse,
  TopicSummary,
} from '@thuchoc/assessments/contracts';
import { Principal } from '@thuchoc/identity/api';
import { LedgerService } from '@thuchoc/integrity/api';
import { conflict, notFound } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { foldVietnamese } from '@thuchoc/shared/util';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { QuestionBankAccess } from '../access/question-bank-access';
import { assertQuestion, cleanQuestion, cleanTopic } from '../rules/question-rules';
import { CreateQuestionDto, QuestionListQueryDto, UpdateQuestionDto } from './dto/question-requests.dto';
import { contentOf, zeroCounts } from './dto/question-response.dto';
import { QuestionVersion } from './question-version.entity';
import { Question } from './question.entity';

/** Rows per INSERT of a bulk insert: well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

const questionNotFound = () => notFound('question.not-found', 'No such question in this course.');

/** A question's content as the ledger fingerprints it. */
const contentSha256 = (content: QuestionContent) =>
  createHash('sha256')
    .update(JSON.stringify(contentOf(content)))
    .digest('hex');

const searchText = (content: QuestionContent) =>
  foldVietnamese(`${content.title ?? ''} ${content.topic} ${content.stem}`);

/**
 * A course's question bank. Every read and change first asks
 * `QuestionBankAccess`; every change is one transaction with its version row
 * and its ledger entry on the course's bank chain (`question-bank:<courseId>`).
 */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: QuestionBankAccess,
    private readonly ledger: LedgerService,
  ) {}

  async list(principal: Principal, courseId: string, query: QuestionListQueryDto): Promise<Page<Question>> {
    await this.access.assert(principal, courseId, 'read');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const select = this.dataSource
      .getRepository(Question)
      .createQueryBuilder('q')
      .where('q.course_id = :courseId', { courseId });
    const status = query.status ?? QuestionStatusFilter.Active;
    if (status === QuestionStatusFilter.Active) select.andWhere('q.archived_at IS NULL');
    if (status === QuestionStatusFilter.Archived) select.andWhere('q.archived_at IS NOT NULL');
    if (query.type) select.andWhere('q.type = :type', { type: query.type });
    if (query.difficulty) select.andWhere('q.difficulty = :difficulty', { difficulty: query.difficulty });
    if (query.topic) select.andWhere('q.topic = :topic', { topic: cleanTopic(query.topic) });
    if (query.q) select.andWhere('strpos(q.search_text, :q) > 0', { q: foldVietnamese(query.q) });
    const [items, total] = await select
      .orderBy('q.topic')
      .addOrderBy('q.seq')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }

  async get(principal: Principal, courseId: string, questionId: string): Promise<Question> {
    await this.access.assert(principal, courseId, 'read');
    return this.find(this.dataSource.manager, courseId, questionId);
  }

  async create(principal: Principal, courseId: string, dto: CreateQuestionDto): Promise<Question> {
    await this.access.assert(principal, courseId, 'write');
    const content = cleanQuestion({
      type: dto.type,
      topic: dto.topic,
      difficulty: dto.difficulty,
      title: dto.title ?? null,
      stem: dto.stem,
      options: dto.options ?? [],
      acceptedAnswers: dto.acceptedAnswers ?? [],
      acceptWithoutDiacritics: dto.acceptWithoutDiacritics ?? false,
      points: dto.points ?? DEFAULT_QUESTION_POINTS,
      explanation: dto.explanation ?? null,
    });
    assertQuestion(content);
    return this.dataSource.transaction(async (tx) => {
      const [id] = await this.insertMany(tx, courseId, principal.userId, [content]);
      await this.record(tx, courseId, principal, QuestionBankLedgerType.QuestionCreated, id, {
        version: 1,
        contentSha256: contentSha256(content),
      });
      return this.find(tx, courseId, id);
    });
  }

  /**
   * Changes a question: the fields sent replace the current ones and the
   * result must pass the rules of its type. A change of content adds a
   * version; sending what is already there changes nothing. Archived
   * questions are not edited (409): restore first.
   */
  async update(
    principal: Principal,
    courseId: string,
    questionId: string,
    dto: UpdateQuestionDto,
  ): Promise<Question> {
    await this.access.assert(principal, courseId, 'write');
    return this.dataSource.transaction(async (tx) => {
      const current = await this.find(tx, courseId, questionId, true);
      if (current.archivedAt) throw conflict('question.archived', 'Restore the question before changing it.');
      const sent = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
      const next = cleanQuestion({ ...contentOf(current), ...sent });
      assertQuestion(next);
      const hash = contentSha256(next);
      if (hash === contentSha256(current)) return current;
      const version = current.version + 1;
      await tx.update(Question, questionId, {
        ...next,
        version,
        searchText: searchText(next),
        updatedBy: principal.userId,
      });
      await tx.insert(QuestionVersion, { questionId, version, content: next, createdBy: principal.userId });
      await this.record(tx, courseId, principal, QuestionBankLedgerType.QuestionUpdated, questionId, {
        version,
        contentSha256: hash,
      });
      return this.find(tx, courseId, questionId);
    });
  }

  /** Hides the question from the bank (and from new quizzes); quizzes that use it keep it. Idempotent. */
  archive(principal: Principal, courseId: string, questionId: string): Promise<Question> {
    return this.setArchived(principal, courseId, questionId, true);
  }

  /** Brings an archived question back into the bank. Idempotent. */
  restore(principal: Principal, courseId: string, questionId: string): Promise<Question> {
    return this.setArchived(principal, courseId, questionId, false);
  }

  /** Every version of the question, newest first. */
  async versions(
    principal: Principal,
    courseId: string,
    questionId: string,
  ): Promise<QuestionVersionResponse[]> {
    await this.get(principal, courseId, questionId);
    const rows: {
      version: number;
      content: QuestionContent;
      created_at: Date;
      created_by: string | null;
      full_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT v.version, v.content, v.created_at, v.created_by, u.full_name
         FROM question_versions v LEFT JOIN users u ON u.id = v.created_by
        WHERE v.question_id = $1
        ORDER BY v.version DESC`,
      [questionId],
    );
    return rows.map((row) => ({
      version: row.version,
      content: row.content,
      createdAt: row.created_at.toISOString(),
      createdById: row.created_by,
      createdByName: row.full_name,
    }));
  }

  /** Active questions per topic, by difficulty and type: what a quiz's draw rules can ask for. */
  async topics(principal: Principal, courseId: string): Promise<TopicSummary[]> {
    await this.access.assert(principal, courseId, 'read');
    const rows: { topic: string; difficulty: QuestionDifficulty; type: QuestionType; count: number }[] =
      await this.dataSource.query(
        `SELECT topic, difficulty, type, count(*)::int AS count FROM questions
          WHERE course_id = $1 AND archived_at IS NULL
          GROUP BY topic, difficulty, type
          ORDER BY topic`,
        [courseId],
      );
    const summaries = new Map<string, TopicSummary>();
    for (const row of rows) {
      let summary = summaries.get(row.topic);
      if (!summary) {
        summary = {
          topic: row.topic,
          total: 0,
          byDifficulty: zeroCounts(QUESTION_DIFFICULTIES),
          byType: zeroCounts(QUESTION_TYPES),
        };
        summaries.set(row.topic, summary);
      }
      summary.total += row.count;
      summary.byDifficulty[row.difficulty] += row.count;
      summary.byType[row.type] += row.count;
    }
    return [...summaries.values()];
  }

  /** For exports: the course's active questions in bank order (topic, then as they came). */
  async activeContents(courseId: string): Promise<QuestionContent[]> {
    const questions = await this.dataSource.getRepository(Question).find({
      where: { courseId, archivedAt: IsNull() },
      order: { topic: 'ASC', seq: 'ASC' },
    });
    return questions.map(contentOf);
  }

  /**
   * Inserts cleaned, valid questions as their version 1, in the caller's
   * transaction and in the given order; answers their ids. Used by creation
   * and imports alike.
   */
  async insertMany(
    tx: EntityManager,
    courseId: string,
    actorId: string,
    contents: readonly QuestionContent[],
  ): Promise<string[]> {
    const rows = contents.map((content) => ({ id: randomUUID(), content: contentOf(content) }));
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      await tx.insert(
        Question,
        chunk.map(({ id, content }) => ({
          id,
          courseId,
          ...content,
          version: 1,
          searchText: searchText(content),
          createdBy: actorId,
          updatedBy: actorId,
        })),
      );
      await tx.insert(
        QuestionVersion,
        chunk.map(({ id, content }) => ({ questionId: id, version: 1, content, createdBy: actorId })),
      );
    }
    return rows.map((row) => row.id);
  }

  private async setArchived(
    principal: Principal,
    courseId: string,
    questionId: string,
    isArchived: boolean,
  ): Promise<Question> {
    await this.access.assert(principal, courseId, 'write');
    return this.dataSource.transaction(async (tx) => {
      const current = await this.find(tx, courseId, questionId, true);
      if ((current.archivedAt !== null) === isArchived) return current;
      await tx.update(Question, questionId, {
        archivedAt: isArchived ? () => 'now()' : null,
        updatedBy: principal.userId,
      });
      const type = isArchived
        ? QuestionBankLedgerType.QuestionArchived
        : QuestionBankLedgerType.QuestionRestored;
      await this.record(tx, courseId, principal, type, questionId, { version: current.version });
      return this.find(tx, courseId, questionId);
    });
  }

  private async find(
    manager: EntityManager,
    courseId: string,
    questionId: string,
    isLocked = false,
  ): Promise<Question> {
    const question = await manager.findOne(Question, {
      where: { id: questionId, courseId },
      ...(isLocked ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!question) throw questionNotFound();
    return question;
  }

  private async record(
    tx: EntityManager,
    courseId: string,
    principal: Principal,
    type: QuestionBankLedgerType,
    questionId: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.ledger.record(tx, {
      chain: questionBankChain(courseId),
      type,
      subjectIds: { courseId, questionId },
      actorId: principal.userId,
      payload,
    });
  }
}
