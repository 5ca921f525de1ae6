import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OperatorDirectoryEntry, UserView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';
import {
  CreateUserDto,
  DisableUserDto,
  ListUsersQuery,
  ResetPasswordDto,
  UpdateUserDto,
  UsersService,
} from '@hotline/identity';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query() query: ListUsersQuery): Promise<UserView[]> {
    return this.users.list(query);
  }

  /** Supervisors hand tickets to operators who may never have connected: names and extensions only. */
  @Get('operators')
  @Roles('supervisor', 'admin')
  operators(): Promise<OperatorDirectoryEntry[]> {
    return this.users.activeOperators();
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.create(dto, actor.id);
  }

  @Patch(':id')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return this.users.update(id, dto, actor.id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(
    @Param('id', uuidPipe) id: string,
    @Body() dto: DisableUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return this.users.disable(id, actor.id, dto.reason);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id', uuidPipe) id: string, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.enable(id, actor.id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ResetPasswordDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return this.users.resetPassword(id, dto.newPassword, actor.id);
  }
}
