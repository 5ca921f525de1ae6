import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserView } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser } from '@hotline/core';
import { ChangePasswordDto, ChangePasswordUseCase, UsersService } from '@hotline/identity';

/** What a logged-in staff member does with their own account. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AccountController {
  constructor(
    private readonly users: UsersService,
    private readonly changePasswordUseCase: ChangePasswordUseCase,
  ) {}

  @Get('me')
  @AnyRole()
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.me(user.id);
  }

  @Post('change-password')
  @AnyRole()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my own password; my other sessions end.' })
  async changePassword(
    @CurrentUser() user: AuthUser & { sessionId?: string },
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.changePasswordUseCase.execute({
      userId: user.id,
      currentPassword: dto.currentPassword,
      newPassword: dto.newPassword,
      currentSessionId: user.sessionId,
    });
  }
}
