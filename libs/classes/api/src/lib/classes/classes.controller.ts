import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClassResponse, ClassSummary, ClassTransitionResponse } from '@thuchoc/classes/contracts';
import { CurrentPrincipal, Principal, Roles, ScopedBy } from '@thuchoc/identity/api';
import { Page } from '@thuchoc/shared/contracts';
import type { HttpReply } from '@thuchoc/shared/api-core';
import { OVERSIGHT, STAFF } from './class-roles';
import { toClassResponse } from './class-row';
import { ClassesService } from './classes.service';
import {
  ClassListQueryDto,
  ClassTransitionDto,
  CreateClassDto,
  UpdateClassDto,
} from './dto/class-requests.dto';

@ApiTags('classes')
@Controller('classes')
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @Get()
  @Roles(...OVERSIGHT)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ClassListQueryDto,
  ): Promise<Page<ClassSummary>> {
    return this.classes.list(principal, query);
  }

  @Post()
  @Roles(...STAFF)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateClassDto,
  ): Promise<ClassResponse> {
    return toClassResponse(await this.classes.create(principal, dto));
  }

  @Get(':id')
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ClassResponse> {
    return toClassResponse(await this.classes.get(id));
  }

  @Patch(':id')
  @Roles(...STAFF)
  @ScopedBy('class')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateClassDto,
  ): Promise<ClassResponse> {
    return toClassResponse(await this.classes.update(principal, id, dto));
  }

  /** One lifecycle step. Opening that needs approval answers 202 with the pending request. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(...STAFF)
  @ScopedBy('class')
  @ApiOkResponse({ description: 'The class moved on.' })
  @ApiAcceptedResponse({ description: 'Opening needs approval; the request waits for a parent unit.' })
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ClassTransitionDto,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<ClassTransitionResponse> {
    const result = await this.classes.transition(principal, id, dto);
    if (result.approval) response.status(202);
    return result;
  }
}
