import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OpeningApprovalResponse } from '@thuchoc/classes/contracts';
import { CurrentPrincipal, Principal, Roles, ScopedBy } from '@thuchoc/identity/api';
import { STAFF } from '../classes/class-roles';
import { ApprovalListQueryDto, DecideOpeningApprovalDto } from './dto/approval-requests.dto';
import { OpeningApprovalsService } from './opening-approvals.service';

@ApiTags('classes')
@Controller('opening-approvals')
export class OpeningApprovalsController {
  constructor(private readonly approvals: OpeningApprovalsService) {}

  @Get()
  @Roles(...STAFF)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ApprovalListQueryDto,
  ): Promise<OpeningApprovalResponse[]> {
    return this.approvals.list(principal, query.status);
  }

  /** Approve (the class opens) or reject, with a reason. Never by the person who asked. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...STAFF)
  @ScopedBy('opening-approval')
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideOpeningApprovalDto,
  ): Promise<OpeningApprovalResponse> {
    return this.approvals.decide(principal, id, dto.isApproved, dto.reason);
  }
}
