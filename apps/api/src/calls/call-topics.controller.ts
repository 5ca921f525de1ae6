import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallTopicView, Page } from '@hotline/contracts';
import { CallTopicsService, TopicDto, UpdateTopicDto } from '@hotline/calls';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';

@ApiTags('calls')
@ApiBearerAuth()
@Controller('call-topics')
export class CallTopicsController {
  constructor(private readonly topics: CallTopicsService) {}

  @Get()
  @Roles('operator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Call topics (active ones, or all with all=true), in one page' })
  list(@Query('all') all?: string): Promise<Page<CallTopicView>> {
    return this.topics.list(all === 'true');
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: TopicDto, @CurrentUser() user: AuthUser): Promise<CallTopicView> {
    return this.topics.create(dto, user.id);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateTopicDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CallTopicView> {
    return this.topics.update(id, dto, user.id);
  }
}
