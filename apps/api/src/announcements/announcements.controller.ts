import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import type { AnnouncementEvent, RoomName } from '@hotline/contracts';
import { AuthUser, CurrentUser, JobQueue, Roles, jobId, uuidv7 } from '@hotline/core';

export class AnnouncementDto {
  @ApiProperty({
    example: 'role:operator',
    description: '"all", "role:<role>", "office:<postOfficeId>" or "user:<userId>"',
  })
  @Matches(/^(all|role:(operator|dispatcher|supervisor|admin)|office:[0-9a-f-]{36}|user:[0-9a-f-]{36})$/, {
    message: 'audience must be "all", "role:<operator|dispatcher|supervisor|admin>", "office:<id>" or "user:<id>"',
  })
  audience: RoomName | 'all';

  @ApiProperty({ example: 'Hệ thống bảo trì lúc 12:00' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 500)
  message: string;
}

/** A supervisor's message to a role, an office or everybody, delivered live by the worker through the socket emitter. */
@ApiTags('announcements')
@ApiBearerAuth()
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly queue: JobQueue) {}

  @Post()
  @Roles('supervisor', 'admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a live announcement (delivered through the worker queue)' })
  async announce(@Body() dto: AnnouncementDto, @CurrentUser() user: AuthUser): Promise<AnnouncementEvent> {
    const event: AnnouncementEvent = {
      id: uuidv7(),
      message: dto.message,
      audience: dto.audience,
      from: { id: user.id, fullName: user.fullName },
      sentAt: new Date().toISOString(),
    };
    await this.queue.enqueue('announce', event, { jobId: jobId('announce', event.id) });
    return event;
  }
}
