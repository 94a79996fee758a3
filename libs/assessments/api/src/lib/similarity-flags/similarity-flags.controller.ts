import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SimilarityFlagDetail, SimilarityFlagSummary } from '@thuchoc/assessments/contracts';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { ClassIdPipe } from '../quizzes/quiz-access';
import { ResolveSimilarityFlagDto, SimilarityFlagQueryDto } from './dto/similarity-flag-requests.dto';
import { FlagIdPipe, SimilarityFlagsService } from './similarity-flags.service';

/** Near-duplicate essays of a class, for its lecturers and staff (auditors read). Others get 404. */
@ApiTags('essay similarity')
@Controller()
export class SimilarityFlagsController {
  constructor(private readonly flags: SimilarityFlagsService) {}

  @Get('classes/:classId/similarity-flags')
  @Authenticated()
  @ApiOkResponse({
    description: 'The class’s flags, newest first; open ones unless `status` says otherwise.',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('classId', ClassIdPipe) classId: string,
    @Query() query: SimilarityFlagQueryDto,
  ): Promise<SimilarityFlagSummary[]> {
    return this.flags.list(principal, classId, query);
  }

  @Get('similarity-flags/:flagId')
  @Authenticated()
  @ApiOkResponse({ description: 'Both essays and the spans of the passages they share.' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('flagId', FlagIdPipe) flagId: string,
  ): Promise<SimilarityFlagDetail> {
    return this.flags.get(principal, flagId);
  }

  /** 409 `similarity-flag.resolved` when already closed; 403 `quiz.read-only` for auditors. */
  @Post('similarity-flags/:flagId/resolution')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ description: 'The resolved flag.' })
  resolve(
    @CurrentPrincipal() principal: Principal,
    @Param('flagId', FlagIdPipe) flagId: string,
    @Body() dto: ResolveSimilarityFlagDto,
  ): Promise<SimilarityFlagDetail> {
    return this.flags.resolve(principal, flagId, dto.outcome, dto.reason);
  }
}
