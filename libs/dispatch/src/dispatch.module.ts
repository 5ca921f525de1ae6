import { Module } from '@nestjs/common';
import { CallsModule } from '@hotline/calls';
import { GeoModule } from '@hotline/geo';
import { DEFAULT_GIA_LAI_CALENDAR, WorkingCalendar } from '@hotline/sla';
import { BcciRequestsService } from './bcci-requests.service';
import { DISPATCH_CONFIG, loadDispatchConfig } from './dispatch-config';
import { LegEventsService } from './leg-events.service';
import { LegsService } from './legs.service';
import { OfficeIndexService } from './office-index.service';
import { PricingService } from './pricing.service';
import { PublicLookupLimiter } from './public-rate-limiter';
import { RequestsCitizenHistory } from './requests-citizen-history';
import { DISPATCH_CALENDAR, RoutingService } from './routing.service';

/** BCCI requests and dispatch: pricing, routing through BullMQ, the dispatcher's lifecycle. */
@Module({
  imports: [GeoModule, CallsModule],
  providers: [
    { provide: DISPATCH_CONFIG, useFactory: () => loadDispatchConfig() },
    // The seeded Gia Lai calendar (Mon–Fri with lunch break, holidays); swap for the SLA context's editable calendar later.
    { provide: DISPATCH_CALENDAR, useFactory: () => new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR) },
    PricingService,
    OfficeIndexService,
    LegEventsService,
    RoutingService,
    BcciRequestsService,
    LegsService,
    PublicLookupLimiter,
    RequestsCitizenHistory,
  ],
  exports: [PricingService, RoutingService, BcciRequestsService, LegsService, PublicLookupLimiter, OfficeIndexService, DISPATCH_CONFIG],
})
export class DispatchModule {}
