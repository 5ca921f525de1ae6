import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OperatorDirectoryEntry, Page, UserView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import {
  CreateUserDto,
  CreateUserUseCase,
  ListUsersQuery,
  UpdateUserDto,
  UpdateUserUseCase,
  UsersService,
} from '@hotline/identity';
import { uuidPipe } from '../http/pipes';

/** Staff accounts: admins only, but for the operator directory. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
  ) {}

  @Get()
  list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  /** Supervisors hand tickets to operators who may never have connected: names and extensions only, in one page. */
  @Get('operators')
  @Roles('supervisor', 'admin')
  operators(): Promise<Page<OperatorDirectoryEntry>> {
    return this.users.activeOperators();
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.createUser.execute(dto, actor.id);
  }

  @Patch(':id')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return this.updateUser.execute(id, dto, actor.id);
  }
}
