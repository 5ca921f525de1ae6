import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallView, Page } from '@hotline/contracts';
import { CallsService, CreateCallDto, ListCallsQuery, LogCall, UpdateCall, UpdateCallDto } from '@hotline/calls';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';

@ApiTags('calls')
@ApiBearerAuth()
@Controller('calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly logCall: LogCall,
    private readonly updateCall: UpdateCall,
  ) {}

  @Get()
  @Roles('operator', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Call log, newest first, cursor-paginated. Operators see their own calls; supervisors all.',
  })
  list(@Query() q: ListCallsQuery, @CurrentUser() user: AuthUser): Promise<Page<CallView>> {
    return this.calls.list(q, user);
  }

  @Get('live')
  @Roles('operator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Calls ringing or in progress (one page, newest first)' })
  live(): Promise<Page<CallView>> {
    return this.calls.live();
  }

  @Get(':id')
  @Roles('operator', 'supervisor', 'admin')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CallView> {
    return this.calls.get(id, user);
  }

  @Post()
  @Roles('operator', 'supervisor')
  @ApiOperation({ summary: 'Log a contact by hand (no PBX, email, message, walk-in)' })
  create(@Body() dto: CreateCallDto, @CurrentUser() user: AuthUser): Promise<CallView> {
    return this.logCall.execute(dto, user);
  }

  @Patch(':id')
  @Roles('operator', 'supervisor')
  @ApiOperation({ summary: 'Topic, notes, outcome, links; operators their own calls only' })
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateCallDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CallView> {
    return this.updateCall.execute(id, dto, user);
  }
}
