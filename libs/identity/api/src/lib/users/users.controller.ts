import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page } from '@thuchoc/shared/contracts';
import { Role, UserResponse } from '@thuchoc/identity/contracts';
import { Roles, ScopedBy } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user-requests.dto';
import { toUserResponse, UserPageDto, UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

const READERS = [Role.Admin, Role.CentreStaff, Role.Auditor];
const MANAGERS = [Role.Admin, Role.CentreStaff];

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: UserPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: UserListQueryDto,
  ): Promise<Page<UserResponse>> {
    const page = await this.users.list(principal, query);
    return { ...page, items: page.items.map(toUserResponse) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ScopedBy('user')
  @ApiOkResponse({ type: UserResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return toUserResponse(await this.users.get(id));
  }

  @Post()
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: UserResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.create(principal, dto));
  }

  @Patch(':id')
  @Roles(...MANAGERS)
  @ScopedBy('user')
  @ApiOkResponse({ type: UserResponseDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(principal, id, dto));
  }

  @Post(':id/deactivate')
  @HttpCode(204)
  @Roles(...MANAGERS)
  @ScopedBy('user')
  @ApiNoContentResponse()
  async deactivate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.users.setActive(principal, id, false);
  }

  @Post(':id/activate')
  @HttpCode(204)
  @Roles(...MANAGERS)
  @ScopedBy('user')
  @ApiNoContentResponse()
  async activate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.users.setActive(principal, id, true);
  }
}
