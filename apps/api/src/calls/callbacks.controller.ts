import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallbackAttemptView, CallbackView, Page } from '@hotline/contracts';
import {
  AssignCallback,
  AssignCallbackDto,
  CallbackAttemptDto,
  CallbacksService,
  CloseCallback,
  CloseCallbackDto,
  ListCallbacksQuery,
  RecordCallbackAttempt,
} from '@hotline/calls';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';

@ApiTags('callbacks')
@ApiBearerAuth()
@Controller('callbacks')
export class CallbacksController {
  constructor(
    private readonly callbacks: CallbacksService,
    private readonly assignCallback: AssignCallback,
    private readonly recordAttempt: RecordCallbackAttempt,
    private readonly closeCallback: CloseCallback,
  ) {}

  @Get()
  @Roles('operator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Callback tasks (open by default, oldest first), cursor-paginated' })
  list(@Query() q: ListCallbacksQuery): Promise<Page<CallbackView>> {
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
    return this.assignCallback.execute(id, dto.assigneeId, user);
  }

  @Get(':id/attempts')
  @Roles('operator', 'supervisor', 'admin')
  attempts(@Param('id', uuidPipe) id: string): Promise<Page<CallbackAttemptView>> {
    return this.callbacks.attempts(id);
  }

  @Post(':id/attempts')
  @Roles('operator', 'supervisor')
  attempt(
    @Param('id', uuidPipe) id: string,
    @Body() dto: CallbackAttemptDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CallbackAttemptView> {
    return this.recordAttempt.execute(id, dto, user);
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
    return this.closeCallback.execute(id, dto.callId, user);
  }
}
