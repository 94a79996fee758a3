import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { HttpRequest, PublicRoute } from '@thuchoc/shared/api-core';
import { ActivationPreview, TokenPair } from '@thuchoc/identity/contracts';
import { AuthService, ClientInfo } from './auth.service';
import { ActivateAccountDto, ActivationPreviewDto, LoginDto, RefreshDto, TokenPairDto } from './dto/auth.dto';

const clientOf = (request: HttpRequest): ClientInfo => ({
  ip: request.ip ?? 'unknown',
  userAgent: request.headers['user-agent'] ?? null,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address.' })
  login(@Body() dto: LoginDto, @Req() request: HttpRequest): Promise<TokenPair> {
    return this.auth.login(dto.username, dto.password, { ...clientOf(request), deviceKey: dto.deviceKey });
  }

  @Post('refresh')
  @HttpCode(200)
  @PublicRoute()
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() dto: RefreshDto, @Req() request: HttpRequest): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken, clientOf(request));
  }

  /** Ends the sign-in that this refresh token belongs to. */
  @Post('logout')
  @HttpCode(204)
  @PublicRoute()
  @ApiNoContentResponse()
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  /** Who a one-time activation link is for. */
  @Get('activation/:token')
  @PublicRoute()
  @ApiOkResponse({ type: ActivationPreviewDto })
  activationPreview(@Param('token') token: string): Promise<ActivationPreview> {
    return this.auth.activationPreview(token);
  }

  /** Sets the first password with a one-time activation link. */
  @Post('activation')
  @HttpCode(204)
  @PublicRoute()
  @ApiNoContentResponse()
  activate(@Body() dto: ActivateAccountDto): Promise<void> {
    return this.auth.activate(dto.token, dto.password);
  }
}
