import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QuestionResponse, QuestionVersionResponse, TopicSummary } from '@thuchoc/assessments/contracts';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { Page } from '@thuchoc/shared/contracts';
import { CourseIdPipe, QuestionIdPipe } from '../access/question-bank-access';
import { CreateQuestionDto, QuestionListQueryDto, UpdateQuestionDto } from './dto/question-requests.dto';
import {
  QuestionPageDto,
  QuestionResponseDto,
  QuestionVersionResponseDto,
  TopicSummaryDto,
  toQuestionResponse,
} from './dto/question-response.dto';
import { QuestionsService } from './questions.service';

/**
 * A course's question bank. Any signed-in user may ask; `QuestionBankAccess`
 * decides, so that learners and outsiders get 404 rather than a hint that
 * the course exists. Static routes come before `:questionId`.
 */
@ApiTags('question bank')
@Controller('courses/:courseId/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  /** Active questions by default, by topic then as they came; filters combine. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: QuestionPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Query() query: QuestionListQueryDto,
  ): Promise<Page<QuestionResponse>> {
    const page = await this.questions.list(principal, courseId, query);
    return { ...page, items: page.items.map(toQuestionResponse) };
  }

  /** 400 `question.invalid` with field errors when the question breaks the rules of its type. */
  @Post()
  @Authenticated()
  @ApiCreatedResponse({ type: QuestionResponseDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Body() dto: CreateQuestionDto,
  ): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.create(principal, courseId, dto));
  }

  /** Active questions per topic, counted by difficulty and by type. */
  @Get('topics')
  @Authenticated()
  @ApiOkResponse({ type: [TopicSummaryDto] })
  topics(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
  ): Promise<TopicSummary[]> {
    return this.questions.topics(principal, courseId);
  }

  /** Archived questions too: quizzes keep referring to them. */
  @Get(':questionId')
  @Authenticated()
  @ApiOkResponse({ type: QuestionResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Param('questionId', QuestionIdPipe) questionId: string,
  ): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.get(principal, courseId, questionId));
  }

  /** A change of content adds a version; 409 `question.archived` for an archived question. */
  @Patch(':questionId')
  @Authenticated()
  @ApiOkResponse({ type: QuestionResponseDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Param('questionId', QuestionIdPipe) questionId: string,
    @Body() dto: UpdateQuestionDto,
  ): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.update(principal, courseId, questionId, dto));
  }

  @Post(':questionId/archive')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: QuestionResponseDto })
  async archive(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Param('questionId', QuestionIdPipe) questionId: string,
  ): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.archive(principal, courseId, questionId));
  }

  @Post(':questionId/restore')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: QuestionResponseDto })
  async restore(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Param('questionId', QuestionIdPipe) questionId: string,
  ): Promise<QuestionResponse> {
    return toQuestionResponse(await this.questions.restore(principal, courseId, questionId));
  }

  /** Every version of the question's content, newest first. */
  @Get(':questionId/versions')
  @Authenticated()
  @ApiOkResponse({ type: [QuestionVersionResponseDto] })
  versions(
    @CurrentPrincipal() principal: Principal,
    @Param('courseId', CourseIdPipe) courseId: string,
    @Param('questionId', QuestionIdPipe) questionId: string,
  ): Promise<QuestionVersionResponse[]> {
    return this.questions.versions(principal, courseId, questionId);
  }
}
