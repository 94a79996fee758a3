import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GradedAttempt, GradingQueueItem, RubricResponse } from '@thuchoc/assessments/contracts';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { Page } from '@thuchoc/shared/contracts';
import { attemptNotFound } from '../attempts/attempts.service';
import { ClassIdPipe, QuizIdPipe } from '../quizzes/quiz-access';
import { EssayGradeDto, GradingQueueQueryDto, RubricRequestDto } from './dto/essay-requests.dto';
import { EssayGradingService } from './essay-grading.service';
import { RubricsService } from './rubrics.service';

const AttemptIdPipe = new ParseUUIDPipe({ exceptionFactory: attemptNotFound });

/** Rubrics, the grading queue and essay grades. `QuizAccess` decides who may: others get 404. */
@ApiTags('essay grading')
@Controller()
export class EssaysController {
  constructor(
    private readonly rubrics: RubricsService,
    private readonly grading: EssayGradingService,
  ) {}

  @Get('quizzes/:quizId/rubric')
  @Authenticated()
  @ApiOkResponse({ description: 'The rubric; 404 `rubric.not-found` when the quiz has none.' })
  getRubric(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
  ): Promise<RubricResponse> {
    return this.rubrics.get(principal, quizId);
  }

  /** 400 `rubric.invalid`; 409 `rubric.grading-started` once an essay of the quiz is graded. */
  @Put('quizzes/:quizId/rubric')
  @Authenticated()
  @ApiOkResponse({ description: 'The rubric as stored.' })
  setRubric(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
    @Body() dto: RubricRequestDto,
  ): Promise<RubricResponse> {
    return this.rubrics.set(principal, quizId, dto);
  }

  @Delete('quizzes/:quizId/rubric')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse()
  removeRubric(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
  ): Promise<void> {
    return this.rubrics.remove(principal, quizId);
  }

  /** Attempts with essays, oldest submission first; `status` defaults to `awaiting-grading`. */
  @Get('classes/:classId/grading-queue')
  @Authenticated()
  @ApiOkResponse({ description: 'A page of attempts with their essays, grade and open similarity flags.' })
  queue(
    @CurrentPrincipal() principal: Principal,
    @Param('classId', ClassIdPipe) classId: string,
    @Query() query: GradingQueueQueryDto,
  ): Promise<Page<GradingQueueItem>> {
    return this.grading.queue(principal, classId, query);
  }

  /** One attempt of the grading queue, with its essays, grade and open flags; 404 to learners or without essays. */
  @Get('quiz-attempts/:attemptId/essay-grading')
  @Authenticated()
  @ApiOkResponse({ description: 'The attempt as the grading queue shows it.' })
  queued(
    @CurrentPrincipal() principal: Principal,
    @Param('attemptId', AttemptIdPipe) attemptId: string,
  ): Promise<GradingQueueItem> {
    return this.grading.queued(principal, attemptId);
  }

  /**
   * First grade or a change (with `reason`); 400 `grade.invalid`, 409 `rubric.missing` /
   * `attempt.not-gradable` / `attempt.similarity-open` (a flag on the essay is still open).
   */
  @Put('quiz-attempts/:attemptId/essay-grade')
  @Authenticated()
  @ApiOkResponse({ description: 'The attempt with its new total.' })
  grade(
    @CurrentPrincipal() principal: Principal,
    @Param('attemptId', AttemptIdPipe) attemptId: string,
    @Body() dto: EssayGradeDto,
  ): Promise<GradedAttempt> {
    return this.grading.grade(principal, attemptId, dto);
  }
}
