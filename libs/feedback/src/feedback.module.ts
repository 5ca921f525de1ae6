import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hotline/core';
import { CallsModule } from '@hotline/calls';
import { CalendarModule } from '@hotline/calendar';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { FEEDBACK_CONFIG } from './feedback-config';
import { TicketQueries } from './queries/ticket-queries';
import { TicketViews } from './queries/ticket-views';
import { MailOutboxRepository } from './repositories/mail-outbox.repository';
import { ReferenceRepository } from './repositories/reference.repository';
import { TicketDetailsRepository } from './repositories/ticket-details.repository';
import { TicketsRepository } from './repositories/tickets.repository';
import { LookupRateLimiter } from './services/lookup-rate-limiter.service';
import { MailOutboxService } from './services/mail-outbox.service';
import { FeedbackReferenceService } from './services/reference.service';
import { SlaTimersService } from './services/sla-timers.service';
import { TicketsCitizenHistory } from './services/tickets-citizen-history';
import { TICKET_USE_CASES } from './use-cases';
import { Assignees } from './use-cases/assignees';
import { ChangeTicket } from './use-cases/change-ticket';

const REPOSITORIES = [TicketsRepository, TicketDetailsRepository, ReferenceRepository, MailOutboxRepository];

/** Tickets, their SLA clocks and timers, the managed lists; used by the api (controllers) and the worker (timers, reconciler). */
@Module({
  imports: [CallsModule, GeoModule, IdentityModule, CalendarModule],
  providers: [
    ...REPOSITORIES,
    TicketViews,
    TicketQueries,
    ChangeTicket,
    Assignees,
    ...TICKET_USE_CASES,
    MailOutboxService,
    FeedbackReferenceService,
    SlaTimersService,
    LookupRateLimiter,
    TicketsCitizenHistory,
    { provide: FEEDBACK_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => c.feedback },
  ],
  exports: [
    FEEDBACK_CONFIG,
    TicketQueries,
    ...TICKET_USE_CASES,
    MailOutboxService,
    FeedbackReferenceService,
    SlaTimersService,
    LookupRateLimiter,
    CalendarModule,
  ],
})
export class FeedbackModule {}
