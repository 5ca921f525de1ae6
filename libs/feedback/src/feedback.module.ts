import { Module } from '@nestjs/common';
import { TicketsCitizenHistory } from './services/tickets-citizen-history';
import { CallsModule } from '@hotline/calls';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { SlaModule } from '@hotline/sla';
import { LookupRateLimiter } from './services/lookup-rate-limiter.service';
import { FeedbackReferenceService } from './services/reference.service';
import { SlaTimersService } from './services/sla-timers.service';
import { TicketsService } from './services/tickets.service';
import { MailOutboxService } from './services/mail-outbox.service';

/** Tickets, their SLA clocks and timers, the managed lists; used by the api (controllers) and the worker (timers, reconciler). */
@Module({
  imports: [CallsModule, GeoModule, IdentityModule, SlaModule],
  providers: [
    MailOutboxService,
    TicketsService,
    FeedbackReferenceService,
    SlaTimersService,
    LookupRateLimiter,
    TicketsCitizenHistory,
  ],
  exports: [
    MailOutboxService,
    TicketsService,
    FeedbackReferenceService,
    SlaTimersService,
    LookupRateLimiter,
    SlaModule,
  ],
})
export class FeedbackModule {}
