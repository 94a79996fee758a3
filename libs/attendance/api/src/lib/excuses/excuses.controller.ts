import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExcuseResponse } from '@thuchoc/attendance/contracts';
import { CurrentPrincipal, Principal, Roles } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import type { HttpReply } from '@thuchoc/shared/api-core';
import { DecideExcuseDto, ExcuseListQueryDto } from './dto/excuse-requests.dto';
import { ApiExcuseAttachment, sendExcuseFile } from './excuse-attachment';
import { toExcuseResponse } from './excuse-row';
import { ExcusesService } from './excuses.service';

/** The queue of learners' excuses: lecturers decide for their classes, centre staff in their subtree. */
@ApiTags('attendance')
@Controller('attendance/excuses')
export class ExcusesController {
  constructor(private readonly excuses: ExcusesService) {}

  /** Pending first, then newest; newest first when filtered by status. */
  @Get()
  @Roles(Role.Lecturer, Role.CentreStaff, Role.Admin, Role.Auditor)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExcuseListQueryDto,
  ): Promise<Page<ExcuseResponse>> {
    const page = await this.excuses.list(principal, query);
    return { ...page, items: page.items.map((row) => toExcuseResponse(row, 'staff')) };
  }

  /** Approves (the session becomes `excused` for the learner) or rejects, with a reason; once. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.Lecturer, Role.CentreStaff, Role.Admin)
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideExcuseDto,
  ): Promise<ExcuseResponse> {
    return toExcuseResponse(await this.excuses.decide(principal, id, dto), 'staff');
  }

  @Get(':id/attachment')
  @Roles(Role.Lecturer, Role.CentreStaff, Role.Admin, Role.Auditor)
  @ApiExcuseAttachment()
  async attachment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<StreamableFile> {
    return sendExcuseFile(res, await this.excuses.staffAttachment(principal, id));
  }
}
