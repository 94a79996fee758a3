import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ExcuseResponse } from '@thuchoc/attendance/contracts';
import { CurrentPrincipal, Principal, Roles } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { HttpReply, UploadedPart } from '@thuchoc/shared/api-core';
import { SubmitExcuseDto } from './dto/excuse-requests.dto';
import { ApiExcuseAttachment, sendExcuseFile, UploadedAttachment } from './excuse-attachment';
import { toExcuseResponse } from './excuse-row';
import { ExcuseUploadInterceptor } from './excuse-upload.interceptor';
import { ExcusesService } from './excuses.service';

/** A learner's own excuses: membership of the class, not org scope, decides access here. */
@ApiTags('me')
@Controller('me/attendance')
export class MyExcusesController {
  constructor(private readonly excuses: ExcusesService) {}

  /**
   * Asks to be excused from a session (multipart: `reason`, optional
   * `attachment` — PDF, JPEG or PNG by content; 413 over the size limit).
   */
  @Post('sessions/:sessionId/excuses')
  @Roles(Role.Learner)
  @UseInterceptors(ExcuseUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['reason'],
      properties: {
        reason: { type: 'string', minLength: 1, maxLength: 2000 },
        attachment: { type: 'string', format: 'binary' },
      },
    },
  })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: SubmitExcuseDto,
    @UploadedPart() file: UploadedAttachment | undefined,
  ): Promise<ExcuseResponse> {
    return toExcuseResponse(
      await this.excuses.submit(principal.userId, sessionId, dto.reason, file),
      'learner',
    );
  }

  @Get('excuses/:id/attachment')
  @Roles(Role.Learner)
  @ApiExcuseAttachment()
  async attachment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<StreamableFile> {
    return sendExcuseFile(res, await this.excuses.learnerAttachment(principal.userId, id));
  }
}
