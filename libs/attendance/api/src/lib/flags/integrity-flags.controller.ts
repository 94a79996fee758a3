import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, ScopedBy } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { IntegrityFlagResponse } from '@thuchoc/integrity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { FlagListQueryDto, ResolveFlagDto } from './dto/integrity-flag-requests.dto';
import { toIntegrityFlagResponse } from './integrity-flag-row';
import { IntegrityFlagsService } from './integrity-flags.service';

/** Integrity flags in the caller's subtree: auditors read them, centre staff and admins resolve them. */
@ApiTags('integrity-flags')
@Controller('integrity-flags')
export class IntegrityFlagsController {
  constructor(private readonly flags: IntegrityFlagsService) {}

  /** Newest first. */
  @Get()
  @Roles(Role.CentreStaff, Role.Admin, Role.Auditor)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: FlagListQueryDto,
  ): Promise<Page<IntegrityFlagResponse>> {
    const page = await this.flags.list(principal, query);
    return { ...page, items: page.items.map(toIntegrityFlagResponse) };
  }

  /** Resolves an open flag with a reason; a flag is resolved once. */
  @Post(':id/resolution')
  @HttpCode(200)
  @Roles(Role.CentreStaff, Role.Admin)
  @ScopedBy('integrity-flag')
  async resolve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveFlagDto,
  ): Promise<IntegrityFlagResponse> {
    return toIntegrityFlagResponse(await this.flags.resolve(principal, id, dto.reason));
  }
}
