import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegView, Page } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { LegQueries, ListLegsQuery } from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

/** The legs as the dispatcher (scoped to their office inside the queries) and the supervisor read them. */
@ApiTags('bcci-legs')
@ApiBearerAuth()
@Controller()
export class BcciLegsController {
  constructor(private readonly legs: LegQueries) {}

  @Get('bcci-legs')
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({
    summary: 'Legs, newest change first; active=true for those still on their way (not finished); cursor paging',
  })
  list(@Query() query: ListLegsQuery, @CurrentUser() user: AuthUser): Promise<Page<LegView>> {
    return this.legs.list(query, user);
  }

  @Get('bcci-legs/:id')
  @Roles('dispatcher', 'supervisor')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.legs.get(id, user);
  }
}
