import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthTokens } from '@hotline/contracts';
import { Public } from '@hotline/core';
import { LoginDto, LoginUseCase, LogoutUseCase, RefreshDto, RefreshSessionUseCase } from '@hotline/identity';
import type { FastifyRequest } from 'fastify';

/** The public routes of a session: log in, refresh, log out. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly loginUseCase: LoginUseCase,
    private readonly refreshUseCase: RefreshSessionUseCase,
    private readonly logoutUseCase: LogoutUseCase,
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
    const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
    return this.loginUseCase.execute({ username: dto.username, password: dto.password, meta });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens. Each refresh token works once.' })
  refresh(@Body() dto: RefreshDto): Promise<AuthTokens> {
    return this.refreshUseCase.execute(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "End the refresh token's session; its access tokens are refused at once." })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.logoutUseCase.execute(dto.refreshToken);
  }
}
