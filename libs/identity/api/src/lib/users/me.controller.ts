import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MeResponse } from '@thuchoc/identity/contracts';
import { Authenticated } from '../access/access.decorators';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AuthService } from '../auth/auth.service';
import { ChangePasswordDto } from '../auth/dto/auth.dto';
import { toUserResponse, UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: UserResponseDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return toUserResponse(await this.users.get(principal.userId));
  }

  /** Changes the password and signs out every session of the user. */
  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse()
  changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(principal.userId, dto.currentPassword, dto.newPassword);
  }
}
