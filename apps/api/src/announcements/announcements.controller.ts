import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AnnouncementEvent } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { AnnouncementDto } from './announcement.dto';
import { AnnouncementsService } from './announcements.service';

/** A supervisor's message to a role, an office or everybody, delivered live by the worker through the socket emitter. */
@ApiTags('announcements')
@ApiBearerAuth()
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Post()
  @Roles('supervisor', 'admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a live announcement (delivered through the worker queue)' })
  announce(@Body() dto: AnnouncementDto, @CurrentUser() user: AuthUser): Promise<AnnouncementEvent> {
    return this.announcements.send(dto, { id: user.id, fullName: user.fullName });
  }
}
