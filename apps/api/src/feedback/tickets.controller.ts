import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicTicketView, TicketDetailView, TicketHistoryEntry, TicketView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Public, Roles } from '@hotline/core';
import {
  AgencyAnswerDto,
  ApologySlipDto,
  AssignDto,
  CreateTicketDto,
  CsatDto,
  ForwardDto,
  ListTicketsQuery,
  LookupRateLimiter,
  MessageDto,
  PublicLookupQuery,
  ReplyDto,
  TicketsService,
  TransitionDto,
  UpdateTicketDto,
} from '@hotline/feedback';
import { uuidPipe } from '../http/pipes';

const STAFF = ['operator', 'supervisor', 'admin'] as const;

/** Feedback tickets: intake, status, replies/notes, assignment, forwarding, overdue dossiers, CSAT. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Create a ticket (the citizen is found or created by phone; remote-area communes raise the priority)',
  })
  create(@Body() dto: CreateTicketDto, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.tickets.create(dto, actor);
  }

  @Get()
  @Roles(...STAFF)
  list(@Query() q: ListTicketsQuery, @CurrentUser() actor: AuthUser): Promise<TicketView[]> {
    return this.tickets.list(q, actor);
  }

  @Get(':id')
  @Roles(...STAFF)
  detail(@Param('id', uuidPipe) id: string): Promise<TicketDetailView> {
    return this.tickets.detail(id);
  }

  @Get(':id/history')
  @Roles(...STAFF)
  history(@Param('id', uuidPipe) id: string): Promise<TicketHistoryEntry[]> {
    return this.tickets.history(id);
  }

  @Patch(':id')
  @Roles(...STAFF)
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateTicketDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.tickets.update(id, dto, actor);
  }

  @Post(':id/transitions')
  @Roles(...STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the status (409 on an illegal transition)' })
  transition(
    @Param('id', uuidPipe) id: string,
    @Body() dto: TransitionDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.tickets.transition(id, dto, actor);
  }

  @Post(':id/replies')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Public reply (the citizen sees it in the lookup); the first one meets the first-response target',
  })
  reply(@Param('id', uuidPipe) id: string, @Body() dto: ReplyDto, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.tickets.reply(id, dto, actor);
  }

  @Post(':id/notes')
  @Roles(...STAFF)
  note(
    @Param('id', uuidPipe) id: string,
    @Body() dto: MessageDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.tickets.note(id, dto, actor);
  }

  @Post(':id/assign')
  @Roles(...STAFF)
  @HttpCode(200)
  assign(
    @Param('id', uuidPipe) id: string,
    @Body() dto: AssignDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.tickets.assign(id, dto, actor);
  }

  @Post(':id/take-over')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  takeOver(@Param('id', uuidPipe) id: string, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.tickets.takeOver(id, actor);
  }

  @Post(':id/forwards')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Forward to the competent agency (meets the 5-working-day forward deadline)' })
  forward(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ForwardDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.tickets.forward(id, dto, actor);
  }

  @Post(':id/forwards/:forwardId/answer')
  @Roles(...STAFF)
  @HttpCode(200)
  answer(
    @Param('id', uuidPipe) id: string,
    @Param('forwardId') forwardId: string,
    @Body() dto: AgencyAnswerDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.tickets.agencyAnswer(id, forwardId, dto, actor);
  }

  @Post(':id/overdue-dossier/apology')
  @Roles(...STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the apology slip (Mẫu 04) and the new due date — once only (409 the second time)' })
  apology(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ApologySlipDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.tickets.apology(id, dto, actor);
  }

  @Post(':id/csat')
  @Roles(...STAFF)
  @HttpCode(200)
  csat(@Param('id', uuidPipe) id: string, @Body() dto: CsatDto, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.tickets.csat(id, dto, actor);
  }
}

/** The citizens' lookup with code + phone, no login; rate-limited per IP and per code (429 + Retry-After). */
@ApiTags('public')
@Controller('public/tickets')
export class PublicTicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly limiter: LookupRateLimiter,
  ) {}

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'Status, dates and public replies of a ticket (code + one of the citizen’s phone numbers)' })
  async lookup(
    @Param('code') code: string,
    @Query() q: PublicLookupQuery,
    @Req() req: { ip?: string },
  ): Promise<PublicTicketView> {
    await this.limiter.hit([`ip:${req.ip ?? 'unknown'}`, `code:${code.toUpperCase().slice(0, 20)}`]);
    return this.tickets.publicLookup(code, q.phone);
  }
}
