import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallbackAttemptView, CallbackView } from '@hotline/contracts';
import {
  AssignCallbackDto,
  CallbackAttemptDto,
  CallbacksService,
  CloseCallbackDto,
  ListCallbacksQuery,
} from '@hotline/calls';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';

@ApiTags('callbacks')
@ApiBearerAuth()
@Controller('callbacks')
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @Get()
  @Roles('operator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Callback tasks (open by default, oldest first)' })
  list(@Query() q: ListCallbacksQuery): Promise<CallbackView[]> {
    return this.callbacks.list(q);
  }

  @Get('backlog')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Open callbacks: count, unassigned, age buckets, oldest' })
  backlog() {
    return this.callbacks.backlog();
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('operator', 'supervisor')
  assign(
    @Param('id', uuidPipe) id: string,
    @Body() dto: AssignCallbackDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CallbackView> {
    return this.callbacks.assign(id, dto.assigneeId, user);
  }

  @Get(':id/attempts')
  @Roles('operator', 'supervisor', 'admin')
  attempts(@Param('id', uuidPipe) id: string): Promise<CallbackAttemptView[]> {
    return this.callbacks.attempts(id);
  }

  @Post(':id/attempts')
  @Roles('operator', 'supervisor')
  attempt(
    @Param('id', uuidPipe) id: string,
    @Body() dto: CallbackAttemptDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CallbackAttemptView> {
    return this.callbacks.attempt(id, dto, user);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('operator', 'supervisor')
  @ApiOperation({ summary: 'Done: link the outbound call that reached the citizen' })
  close(
    @Param('id', uuidPipe) id: string,
    @Body() dto: CloseCallbackDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CallbackView> {
    return this.callbacks.close(id, dto.callId, user);
  }
}
