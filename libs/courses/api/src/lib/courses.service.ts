import { Injectable } from '@nestjs/common';
import {
  CompletionPolicy,
  CourseAudience,
  CourseModuleResponse,
  DEFAULT_COMPLETION_POLICY,
  DEFAULT_GRADING_SCHEME,
  GradingScheme,
} from '@thuchoc/courses/contracts';
import { OrgUnitsService, Principal, ScopeService, UsersService } from '@thuchoc/identity/api';
import { OrgUnitStatus } from '@thuchoc/identity/contracts';
import { badRequest, conflict, notFound } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { foldVietnamese } from '@thuchoc/shared/util';
import { DataSource, EntityManager } from 'typeorm';
import { CourseModule } from './course-module.entity';
import { Course } from './course.entity';
import { CourseListQueryDto, CreateCourseDto, UpdateCourseDto } from './dto/course-requests.dto';
import {
  CourseContent,
  CourseDetailRow,
  CourseDetails,
  CourseRow,
  toModuleResponses,
} from './dto/course-response.dto';
import { assertGradingScheme } from './grading-scheme.rules';
import { LessonAttachment } from './lesson-attachment.entity';
import { Lesson } from './lesson.entity';

const COURSE_SOURCE = 'courses c JOIN org_units o ON o.id = c.owner_unit_id';
const SUMMARY_COLUMNS = `c.id, c.code, c.title, c.audience, c.required_hours, c.owner_unit_id, c.updated_at,
  o.name AS owner_unit_name,
  (SELECT count(*)::int FROM course_modules m WHERE m.course_id = c.id) AS module_count,
  (SELECT count(*)::int FROM lessons l WHERE l.course_id = c.id) AS lesson_count`;
const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, c.description, c.grading_scheme, c.completion_policy`;

export const courseNotFound = () => notFound('course.not-found', 'No such course in your scope.');

/** Minimal facts about a course, for the domains that offer it (classes). */
export interface CourseFacts {
  id: string;
  code: string;
  title: string;
  audience: CourseAudience;
  ownerUnitId: string;
}

/**
 * Courses and their rules (grading scheme, completion policy). Scope follows
 * the course's owner unit. Later domains read courses only through the
 * methods documented "for classes" below.
 */
@Injectable()
export class CoursesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly users: UsersService,
    private readonly orgUnits: OrgUnitsService,
  ) {
    scopes.registerResolver('course', async (id) => (await this.findSummary(id))?.ownerUnitId ?? null);
  }

  async list(principal: Principal, query: CourseListQueryDto): Promise<Page<CourseRow>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filters: string[] = [];
    const params: unknown[] = [];
    const filter = (condition: (param: string) => string, value: unknown) => {
      params.push(value);
      filters.push(condition(`$${params.length}`));
    };
    const prefix = await this.scopes.scopePath(principal);
    if (prefix !== null) filter((p) => `o.path LIKE ${p} || '%'`, prefix);
    if (query.q) filter((p) => `strpos(c.search_text, ${p}) > 0`, foldVietnamese(query.q));
    if (query.audience) filter((p) => `c.audience = ${p}`, query.audience);
    const where = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${COURSE_SOURCE} ${where}`,
      params,
    );
    const items: CourseRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${COURSE_SOURCE} ${where}
        ORDER BY c.title, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items, total, page, pageSize };
  }

  async details(id: string, manager: EntityManager = this.dataSource.manager): Promise<CourseDetails> {
    const [course]: CourseDetailRow[] = await manager.query(
      `SELECT ${DETAIL_COLUMNS} FROM ${COURSE_SOURCE} WHERE c.id = $1`,
      [id],
    );
    if (!course) throw courseNotFound();
    return { course, content: await this.loadContent(id, manager) };
  }

  /** A new course, owned by the named unit or the caller's own, with the default scheme and policy. */
  async create(principal: Principal, dto: CreateCourseDto): Promise<CourseDetails> {
    const ownerUnitId = dto.ownerUnitId ?? (await this.users.get(principal.userId)).orgUnitId;
    await this.scopes.assertUnitInScope(principal, ownerUnitId);
    if ((await this.orgUnits.get(ownerUnitId)).status !== OrgUnitStatus.Active) {
      throw badRequest('org-unit.merged', 'The named unit has been merged into another.', [
        { field: 'ownerUnitId', messages: ['this unit has been merged; use its successor'] },
      ]);
    }
    return this.dataSource.transaction(async (tx) => {
      await this.assertCodeFree(tx, dto.code);
      const { identifiers } = await tx.insert(Course, {
        code: dto.code,
        title: dto.title,
        description: dto.description ?? '',
        audience: dto.audience,
        requiredHours: dto.requiredHours,
        ownerUnitId,
        gradingScheme: DEFAULT_GRADING_SCHEME,
        completionPolicy: DEFAULT_COMPLETION_POLICY,
        searchText: searchText(dto.code, dto.title),
      });
      return this.details(identifiers[0]['id'] as string, tx);
    });
  }

  async update(id: string, dto: UpdateCourseDto): Promise<CourseDetails> {
    if (dto.gradingScheme) assertGradingScheme(dto.gradingScheme);
    return this.dataSource.transaction(async (tx) => {
      const course = await tx.findOne(Course, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!course) throw courseNotFound();
      const title = dto.title ?? course.title;
      await tx.update(Course, id, {
        title,
        description: dto.description ?? course.description,
        audience: dto.audience ?? course.audience,
        requiredHours: dto.requiredHours ?? course.requiredHours,
        gradingScheme: dto.gradingScheme ?? course.gradingScheme,
        completionPolicy: dto.completionPolicy ?? course.completionPolicy,
        searchText: searchText(course.code, title),
      });
      return this.details(id, tx);
    });
  }

  /** For classes: minimal facts about a course; null when it does not exist. */
  async findSummary(
    courseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CourseFacts | null> {
    const [row]: {
      id: string;
      code: string;
      title: string;
      audience: CourseAudience;
      owner_unit_id: string;
    }[] = await manager.query('SELECT id, code, title, audience, owner_unit_id FROM courses WHERE id = $1', [
      courseId,
    ]);
    return row
      ? {
          id: row.id,
          code: row.code,
          title: row.title,
          audience: row.audience,
          ownerUnitId: row.owner_unit_id,
        }
      : null;
  }

  /** For classes: the current scheme and policy, to snapshot when a class opens. 404 for an unknown course. */
  async rules(
    courseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ gradingScheme: GradingScheme; completionPolicy: CompletionPolicy }> {
    const [row]: { grading_scheme: GradingScheme; completion_policy: CompletionPolicy }[] =
      await manager.query('SELECT grading_scheme, completion_policy FROM courses WHERE id = $1', [courseId]);
    if (!row) throw courseNotFound();
    return { gradingScheme: row.grading_scheme, completionPolicy: row.completion_policy };
  }

  /** For classes: modules with lessons; each attachment's downloadPath is `${attachmentPathPrefix}/${attachmentId}`. */
  async content(courseId: string, attachmentPathPrefix: string): Promise<CourseModuleResponse[]> {
    return toModuleResponses(await this.loadContent(courseId, this.dataSource.manager), attachmentPathPrefix);
  }

  /** For classes (and the editor): an attachment's bytes, only if it belongs to that course (else null). */
  async attachmentFile(
    courseId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; bytes: Buffer } | null> {
    const [row]: { file_name: string; content: Buffer }[] = await this.dataSource.query(
      'SELECT file_name, content FROM lesson_attachments WHERE id = $1 AND course_id = $2',
      [attachmentId, courseId],
    );
    return row ? { fileName: row.file_name, bytes: row.content } : null;
  }

  private async loadContent(courseId: string, manager: EntityManager): Promise<CourseContent> {
    return {
      modules: await manager.find(CourseModule, { where: { courseId }, order: { position: 'ASC' } }),
      lessons: await manager.find(Lesson, { where: { courseId }, order: { position: 'ASC' } }),
      attachments: await manager.find(LessonAttachment, {
        where: { courseId },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    };
  }

  private async assertCodeFree(tx: EntityManager, code: string): Promise<void> {
    const taken: unknown[] = await tx.query('SELECT 1 FROM courses WHERE lower(code) = lower($1)', [code]);
    if (taken.length > 0) throw conflict('course.code-taken', `The course code "${code}" is already used.`);
  }
}

function searchText(code: string, title: string): string {
  return foldVietnamese(`${code} ${title}`);
}
