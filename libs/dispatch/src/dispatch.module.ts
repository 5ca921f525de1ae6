import { Module } from '@nestjs/common';
import { CallsModule } from '@hotline/calls';
import { GeoModule } from '@hotline/geo';
import { SlaModule } from '@hotline/sla';
import { DispatchCalendar } from './dispatch-calendar';
import { BcciRequestsService } from './bcci-requests.service';
import { DISPATCH_CONFIG, loadDispatchConfig } from './dispatch-config';
import { LegEventsService } from './leg-events.service';
import { LegsService } from './legs.service';
import { OfficeIndexService } from './office-index.service';
import { PricingService } from './pricing.service';
import { PublicLookupLimiter } from './public-rate-limiter';
import { RequestsCitizenHistory } from './requests-citizen-history';
import { RoutingService } from './routing.service';

/** BCCI requests and dispatch: pricing, routing through BullMQ, the dispatcher's lifecycle. */
@Module({
  imports: [GeoModule, CallsModule, SlaModule],
  providers: [
    { provide: DISPATCH_CONFIG, useFactory: () => loadDispatchConfig() },
    DispatchCalendar,
    PricingService,
    OfficeIndexService,
    LegEventsService,
    RoutingService,
    BcciRequestsService,
    LegsService,
    PublicLookupLimiter,
    RequestsCitizenHistory,
  ],
  exports: [
    PricingService,
    RoutingService,
    BcciRequestsService,
    LegsService,
    PublicLookupLimiter,
    OfficeIndexService,
    DISPATCH_CONFIG,
  ],
})
export class DispatchModule {}
