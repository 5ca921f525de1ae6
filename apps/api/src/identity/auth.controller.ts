import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthTokens, UserView } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Public } from '@hotline/core';
import { AuthService, ChangePasswordDto, LoginDto, RefreshDto, UsersService } from '@hotline/identity';
import type { FastifyRequest } from 'fastify';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Log in: a short-lived access JWT and a rotating refresh token. Rate-limited per IP and per username.',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see the Retry-After header' })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest): Promise<AuthTokens> {
    return this.auth.login(dto.username, dto.password, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens. Each refresh token works once.' })
  refresh(@Body() dto: RefreshDto): Promise<AuthTokens> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "End the refresh token's session; its access tokens are refused at once." })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.get(user.id);
  }

  @Post('change-password')
  @AnyRole()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my own password; my other sessions end.' })
  async changePassword(
    @CurrentUser() user: AuthUser & { sessionId?: string },
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(user.id, dto.currentPassword, dto.newPassword, user.sessionId);
  }
}
