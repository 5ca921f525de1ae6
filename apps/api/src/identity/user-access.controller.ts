import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import {
  DisableUserDto,
  DisableUserUseCase,
  EnableUserUseCase,
  ResetPasswordDto,
  ResetPasswordUseCase,
} from '@hotline/identity';
import { uuidPipe } from '../http/pipes';

/** An admin opens and closes access: disable, enable, reset the password. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UserAccessController {
  constructor(
    private readonly disableUser: DisableUserUseCase,
    private readonly enableUser: EnableUserUseCase,
    private readonly resetPasswordUseCase: ResetPasswordUseCase,
  ) {}

  @Post(':id/disable')
  @HttpCode(200)
  disable(
    @Param('id', uuidPipe) id: string,
    @Body() dto: DisableUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return this.disableUser.execute({ id, actorId: actor.id, reason: dto.reason });
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id', uuidPipe) id: string, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.enableUser.execute(id, actor.id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ResetPasswordDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return this.resetPasswordUseCase.execute({ id, newPassword: dto.newPassword, actorId: actor.id });
  }
}
