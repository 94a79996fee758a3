import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ClassSummary,
  MyClassDetailResponse,
  MyClassResponse,
  OpenClassResponse,
  TeachingClassResponse,
} from '@thuchoc/classes/contracts';
import { CurrentPrincipal, Principal, Roles } from '@thuchoc/identity/api';
import { ApiPdfDownload, sendPdf } from '@thuchoc/courses/api';
import { Role } from '@thuchoc/identity/contracts';
import type { HttpReply } from '@thuchoc/shared/api-core';
import { WithdrawEnrollmentDto } from '../enrollments/dto/enrollment-requests.dto';
import { MyClassesService } from './my-classes.service';

@ApiTags('me')
@Controller('me')
export class MyClassesController {
  constructor(private readonly myClasses: MyClassesService) {}

  @Get('classes')
  @Roles(Role.Learner)
  list(@CurrentPrincipal() principal: Principal): Promise<MyClassResponse[]> {
    return this.myClasses.list(principal.userId);
  }

  /** The class page: schedule and, once the learner has a place, the lessons. */
  @Get('classes/:id')
  @Roles(Role.Learner)
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MyClassDetailResponse> {
    return this.myClasses.detail(principal.userId, id);
  }

  @Get('classes/:id/attachments/:attachmentId')
  @Roles(Role.Learner)
  @ApiPdfDownload()
  async attachment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<StreamableFile> {
    const file = await this.myClasses.attachment(principal.userId, id, attachmentId);
    return sendPdf(res, file.fileName, file.bytes);
  }

  @Post('classes/:id/withdrawal')
  @HttpCode(200)
  @Roles(Role.Learner)
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawEnrollmentDto,
  ): Promise<MyClassResponse> {
    return this.myClasses.withdraw(principal.userId, id, dto.reason);
  }

  @Get('open-classes')
  @Roles(Role.Learner)
  openClasses(@CurrentPrincipal() principal: Principal): Promise<OpenClassResponse[]> {
    return this.myClasses.openClasses(principal.userId);
  }

  /** Asks to join; staff approve or reject the pending request. */
  @Post('open-classes/:id/enrollment-request')
  @Roles(Role.Learner)
  requestToJoin(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MyClassResponse> {
    return this.myClasses.requestToJoin(principal.userId, id);
  }

  @Get('teaching')
  @Roles(Role.Lecturer)
  teaching(@CurrentPrincipal() principal: Principal): Promise<ClassSummary[]> {
    return this.myClasses.teaching(principal.userId);
  }

  @Get('teaching/:id')
  @Roles(Role.Lecturer)
  teachingDetail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TeachingClassResponse> {
    return this.myClasses.teachingDetail(principal.userId, id);
  }
}
