import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BcciRequestView, Page, QuoteView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import {
  CreateBcciRequest,
  CreateBcciRequestDto,
  ListBcciRequestsQuery,
  PricingService,
  QuoteDto,
  RequestQueries,
} from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

@ApiTags('bcci-requests')
@ApiBearerAuth()
@Controller('bcci-requests')
export class BcciRequestsController {
  constructor(
    private readonly createRequest: CreateBcciRequest,
    private readonly requests: RequestQueries,
    private readonly pricing: PricingService,
  ) {}

  @Post()
  @Roles('operator', 'supervisor')
  @ApiOperation({
    summary:
      'Create a BCCI request (1 or 2 legs), priced and committed in routing; routing jobs are enqueued after commit',
  })
  create(@Body() dto: CreateBcciRequestDto, @CurrentUser() user: AuthUser): Promise<BcciRequestView> {
    return this.createRequest.execute(dto, user);
  }

  @Get()
  @Roles('operator', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      'Requests newest first with their legs (state, office); operators: their own unless mine=false; cursor paging',
  })
  list(@Query() query: ListBcciRequestsQuery, @CurrentUser() user: AuthUser): Promise<Page<BcciRequestView>> {
    return this.requests.list(query, user);
  }

  @Post('quote')
  @HttpCode(200)
  @Roles('operator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Preview the postage (tariff + promotion) without creating anything' })
  quote(@Body() dto: QuoteDto): Promise<QuoteView> {
    return this.pricing.quote(dto);
  }

  @Get(':id')
  @Roles('operator', 'supervisor', 'admin')
  get(@Param('id', uuidPipe) id: string): Promise<BcciRequestView> {
    return this.requests.get(id);
  }
}
