import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OrgUnitHistoryEntry, OrgUnitResponse, Role } from '@thuchoc/identity/contracts';
import { Authenticated, Roles, ScopedBy } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import {
  CreateOrgUnitDto,
  MergeOrgUnitDto,
  MoveOrgUnitDto,
  RenameOrgUnitDto,
} from './dto/org-unit-requests.dto';
import {
  OrgUnitHistoryEntryDto,
  OrgUnitResponseDto,
  toOrgUnitHistoryEntry,
  toOrgUnitResponse,
} from './dto/org-unit-response.dto';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org-units')
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  /** Every unit in the caller's subtree, merged predecessors included, parents first. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [OrgUnitResponseDto] })
  async list(@CurrentPrincipal() principal: Principal): Promise<OrgUnitResponse[]> {
    return (await this.orgUnits.listInScope(principal)).map(toOrgUnitResponse);
  }

  @Get(':id')
  @Authenticated()
  @ScopedBy('org-unit')
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<OrgUnitResponse> {
    return toOrgUnitResponse(await this.orgUnits.get(id));
  }

  /** Renames, moves and merges of the unit, newest first. */
  @Get(':id/history')
  @Authenticated()
  @ScopedBy('org-unit')
  @ApiOkResponse({ type: [OrgUnitHistoryEntryDto] })
  async history(@Param('id', ParseUUIDPipe) id: string): Promise<OrgUnitHistoryEntry[]> {
    return (await this.orgUnits.history(id)).map(toOrgUnitHistoryEntry);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async create(
    @Body() dto: CreateOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrgUnitResponse> {
    return toOrgUnitResponse(await this.orgUnits.create(dto, principal.userId));
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ScopedBy('org-unit')
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RenameOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrgUnitResponse> {
    return toOrgUnitResponse(await this.orgUnits.rename(id, dto, principal.userId));
  }

  @Post(':id/move')
  @Roles(Role.Admin)
  @ScopedBy('org-unit')
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async move(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrgUnitResponse> {
    return toOrgUnitResponse(await this.orgUnits.move(id, dto, principal.userId));
  }

  @Post(':id/merge')
  @Roles(Role.Admin)
  @ScopedBy('org-unit')
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async merge(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MergeOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrgUnitResponse> {
    return toOrgUnitResponse(await this.orgUnits.merge(id, dto, principal.userId));
  }
}
