import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AttemptAnswer, AttemptSummary, AttemptView, MyAttemptResult } from '@thuchoc/assessments/contracts';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { HttpReply, notFound } from '@thuchoc/shared/api-core';
import { QuizIdPipe } from '../quizzes/quiz-access';
import { SaveAnswerDto } from './dto/attempt-requests.dto';
import {
  AttemptAnswerDto,
  AttemptSummaryDto,
  AttemptViewDto,
  MyAttemptResultDto,
} from './dto/attempt-response.dto';
import { attemptNotFound, AttemptsService } from './attempts.service';
import { MyAttemptsService } from './my-attempts.service';

const AttemptIdPipe = new ParseUUIDPipe({ exceptionFactory: attemptNotFound });
const QuestionIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => notFound('attempt-question.not-found', 'The attempt holds no such question.'),
});

/** The learner's side of quizzes: start or resume, autosave, submit, results. */
@ApiTags('quiz attempts')
@Controller('me')
export class MyAttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly mine: MyAttemptsService,
  ) {}

  /** 201 with a new attempt; 200 with the active one when there is one (a reload, another device). */
  @Post('quizzes/:quizId/attempts')
  @Authenticated()
  @ApiCreatedResponse({ type: AttemptViewDto })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<AttemptView> {
    const started = await this.attempts.start(principal, quizId);
    reply.status(started.isNew ? 201 : 200);
    return started.view;
  }

  /** The learner's attempts of the quiz with their scores; the keys only as the quiz's rule allows. */
  @Get('quizzes/:quizId/attempts')
  @Authenticated()
  @ApiOkResponse({ type: [MyAttemptResultDto] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
  ): Promise<MyAttemptResult[]> {
    return this.mine.list(principal, quizId);
  }

  @Get('attempts/:attemptId')
  @Authenticated()
  @ApiOkResponse({ type: AttemptViewDto })
  view(
    @CurrentPrincipal() principal: Principal,
    @Param('attemptId', AttemptIdPipe) attemptId: string,
  ): Promise<AttemptView> {
    return this.attempts.view(principal, attemptId);
  }

  /** Autosave: 200 with the stored answer (an older seq changes nothing); 409 `attempt.closed` after the deadline. */
  @Put('attempts/:attemptId/answers/:questionId')
  @Authenticated()
  @ApiOkResponse({ type: AttemptAnswerDto })
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('attemptId', AttemptIdPipe) attemptId: string,
    @Param('questionId', QuestionIdPipe) questionId: string,
    @Body() dto: SaveAnswerDto,
  ): Promise<AttemptAnswer> {
    return this.attempts.save(principal, attemptId, questionId, dto);
  }

  /** 200 with the submission (also for a repeated submit); 409 `attempt.closed` after the deadline. */
  @Post('attempts/:attemptId/submit')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: AttemptSummaryDto })
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('attemptId', AttemptIdPipe) attemptId: string,
  ): Promise<AttemptSummary> {
    return this.attempts.submit(principal, attemptId);
  }
}
