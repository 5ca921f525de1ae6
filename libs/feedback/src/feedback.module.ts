import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hotline/core';
import { FEEDBACK_CONFIG } from './feedback-config';
import { TicketsCitizenHistory } from './services/tickets-citizen-history';
import { CallsModule } from '@hotline/calls';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { CalendarModule } from '@hotline/calendar';
import { LookupRateLimiter } from './services/lookup-rate-limiter.service';
import { FeedbackReferenceService } from './services/reference.service';
import { SlaTimersService } from './services/sla-timers.service';
import { TicketsService } from './services/tickets.service';
import { MailOutboxService } from './services/mail-outbox.service';

/** Tickets, their SLA clocks and timers, the managed lists; used by the api (controllers) and the worker (timers, reconciler). */
@Module({
  imports: [CallsModule, GeoModule, IdentityModule, CalendarModule],
  providers: [
    MailOutboxService,
    TicketsService,
    FeedbackReferenceService,
    SlaTimersService,
    LookupRateLimiter,
    TicketsCitizenHistory,
    { provide: FEEDBACK_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => c.feedback },
  ],
  exports: [
    FEEDBACK_CONFIG,
    MailOutboxService,
    TicketsService,
    FeedbackReferenceService,
    SlaTimersService,
    LookupRateLimiter,
    CalendarModule,
  ],
})
export class FeedbackModule {}
