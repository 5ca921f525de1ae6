import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { PublicRequestView } from '@hotline/contracts';
import { Public } from '@hotline/core';
import { PublicLookupLimiter, PublicLookupQuery, RequestQueries } from '@hotline/dispatch';

/** Citizens look up a request without login: code + the phone they gave; status and dates only; rate-limited per IP. */
@ApiTags('public')
@Controller('public/requests')
export class PublicRequestsController {
  constructor(
    private readonly requests: RequestQueries,
    private readonly limiter: PublicLookupLimiter,
  ) {}

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'Status and dates of a BCCI request, by code + phone (429 with Retry-After when over the limit)',
  })
  async lookup(
    @Param('code') code: string,
    @Query() query: PublicLookupQuery,
    @Req() req: FastifyRequest,
  ): Promise<PublicRequestView> {
    await this.limiter.hit(req.ip);
    return this.requests.publicLookup(code, query.phone);
  }
}
