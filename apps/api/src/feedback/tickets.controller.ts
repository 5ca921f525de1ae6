import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PublicTicketView, TicketDetailView, TicketHistoryEntry, TicketView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Public, Roles } from '@hotline/core';
import {
  AddTicketNote,
  AgencyAnswerDto,
  ApologySlipDto,
  AssignDto,
  AssignTicket,
  ChangeTicketStatus,
  CreateTicket,
  CreateTicketDto,
  CsatDto,
  ForwardDto,
  ForwardTicket,
  ListTicketsQuery,
  LookupRateLimiter,
  MessageDto,
  PublicLookupQuery,
  RecordAgencyAnswer,
  RecordApologySlip,
  RecordCsat,
  ReplyDto,
  ReplyToTicket,
  TakeOverTicket,
  TicketHistoryQuery,
  TicketQueries,
  TransitionDto,
  UpdateTicket,
  UpdateTicketDto,
} from '@hotline/feedback';
import { uuidPipe } from '../http/pipes';

const STAFF = ['operator', 'supervisor', 'admin'] as const;

/** Feedback tickets: intake, status, replies/notes, assignment, forwarding, overdue dossiers, CSAT. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly queries: TicketQueries,
    private readonly creating: CreateTicket,
    private readonly updating: UpdateTicket,
    private readonly statuses: ChangeTicketStatus,
    private readonly replies: ReplyToTicket,
    private readonly notes: AddTicketNote,
    private readonly assigning: AssignTicket,
    private readonly takingOver: TakeOverTicket,
    private readonly forwarding: ForwardTicket,
    private readonly answers: RecordAgencyAnswer,
    private readonly apologies: RecordApologySlip,
    private readonly csats: RecordCsat,
  ) {}

  @Post()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Create a ticket (the citizen is found or created by phone; remote-area communes raise the priority)',
  })
  create(@Body() dto: CreateTicketDto, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.creating.execute(dto, actor);
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Tickets, newest first, a page at a time ({ items, nextCursor }), filtered and searched (q)',
  })
  list(@Query() q: ListTicketsQuery): Promise<Page<TicketView>> {
    return this.queries.list(q);
  }

  @Get(':id')
  @Roles(...STAFF)
  detail(@Param('id', uuidPipe) id: string): Promise<TicketDetailView> {
    return this.queries.detail(id);
  }

  @Get(':id/history')
  @Roles(...STAFF)
  @ApiOperation({ summary: "The ticket's history rows, oldest first ({ items, nextCursor })" })
  history(@Param('id', uuidPipe) id: string, @Query() q: TicketHistoryQuery): Promise<Page<TicketHistoryEntry>> {
    return this.queries.history(id, q);
  }

  @Patch(':id')
  @Roles(...STAFF)
  update(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateTicketDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.updating.execute(id, dto, actor);
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
    return this.statuses.execute(id, dto, actor);
  }

  @Post(':id/replies')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Public reply (the citizen sees it in the lookup); the first one meets the first-response target',
  })
  reply(@Param('id', uuidPipe) id: string, @Body() dto: ReplyDto, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.replies.execute(id, dto, actor);
  }

  @Post(':id/notes')
  @Roles(...STAFF)
  note(
    @Param('id', uuidPipe) id: string,
    @Body() dto: MessageDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.notes.execute(id, dto, actor);
  }

  @Post(':id/assign')
  @Roles(...STAFF)
  @HttpCode(200)
  assign(
    @Param('id', uuidPipe) id: string,
    @Body() dto: AssignDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.assigning.execute(id, dto, actor);
  }

  @Post(':id/take-over')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  takeOver(@Param('id', uuidPipe) id: string, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.takingOver.execute(id, actor);
  }

  @Post(':id/forwards')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Forward to the competent agency (meets the 5-working-day forward deadline)' })
  forward(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ForwardDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<TicketView> {
    return this.forwarding.execute(id, dto, actor);
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
    return this.answers.execute({ id, forwardId, dto, actor });
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
    return this.apologies.execute(id, dto, actor);
  }

  @Post(':id/csat')
  @Roles(...STAFF)
  @HttpCode(200)
  csat(@Param('id', uuidPipe) id: string, @Body() dto: CsatDto, @CurrentUser() actor: AuthUser): Promise<TicketView> {
    return this.csats.execute(id, dto, actor);
  }
}

/** The citizens' lookup with code + phone, no login; rate-limited per IP and per code (429 + Retry-After). */
@ApiTags('public')
@Controller('public/tickets')
export class PublicTicketsController {
  constructor(
    private readonly queries: TicketQueries,
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
    return this.queries.publicLookup(code, q.phone);
  }
}
