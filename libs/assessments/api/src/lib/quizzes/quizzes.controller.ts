import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QuizResponse, QuizResultRow } from '@thuchoc/assessments/contracts';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { QuizResultRowDto } from '../attempts/dto/attempt-response.dto';
import { CreateQuizDto, UpdateQuizDto } from './dto/quiz-requests.dto';
import { QuizResponseDto } from './dto/quiz-response.dto';
import { ClassIdPipe, QuizIdPipe } from './quiz-access';
import { QuizzesService } from './quizzes.service';

/**
 * A class's quizzes. Any signed-in user may ask; `QuizAccess` decides, so
 * that people outside the class get 404 rather than a hint that it exists.
 */
@ApiTags('quizzes')
@Controller()
export class QuizzesController {
  constructor(private readonly quizzes: QuizzesService) {}

  /** Staff, lecturers and auditors see every quiz of the class; its learners the published ones. */
  @Get('classes/:classId/quizzes')
  @Authenticated()
  @ApiOkResponse({ type: [QuizResponseDto] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('classId', ClassIdPipe) classId: string,
  ): Promise<QuizResponse[]> {
    return this.quizzes.list(principal, classId);
  }

  /** 400 `quiz.invalid` with field errors, also when the bank lacks the questions a rule draws. */
  @Post('classes/:classId/quizzes')
  @Authenticated()
  @ApiCreatedResponse({ type: QuizResponseDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('classId', ClassIdPipe) classId: string,
    @Body() dto: CreateQuizDto,
  ): Promise<QuizResponse> {
    return this.quizzes.create(principal, classId, dto);
  }

  @Get('quizzes/:quizId')
  @Authenticated()
  @ApiOkResponse({ type: QuizResponseDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
  ): Promise<QuizResponse> {
    return this.quizzes.get(principal, quizId);
  }

  /** 409 `quiz.has-attempts` when a rule changes after the first attempt. */
  @Patch('quizzes/:quizId')
  @Authenticated()
  @ApiOkResponse({ type: QuizResponseDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
    @Body() dto: UpdateQuizDto,
  ): Promise<QuizResponse> {
    return this.quizzes.update(principal, quizId, dto);
  }

  /** Every attempt with its learner and result; staff, lecturers and auditors only. */
  @Get('quizzes/:quizId/results')
  @Authenticated()
  @ApiOkResponse({ type: [QuizResultRowDto] })
  results(
    @CurrentPrincipal() principal: Principal,
    @Param('quizId', QuizIdPipe) quizId: string,
  ): Promise<QuizResultRow[]> {
    return this.quizzes.results(principal, quizId);
  }
}
