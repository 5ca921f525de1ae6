import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hotline/core';
import { CallsModule } from '@hotline/calls';
import { GeoModule } from '@hotline/geo';
import { CalendarModule } from '@hotline/calendar';
import { DispatchCalendar } from './dispatch-calendar';
import { DISPATCH_CONFIG } from './dispatch-config';
import { DispatchReconciler } from './dispatch-reconciler';
import { LegTransitions } from './leg-transitions';
import { OfficeIndexService } from './office-index.service';
import { PricingService } from './pricing.service';
import { PublicLookupLimiter } from './public-rate-limiter';
import { LegQueries } from './queries/leg-queries';
import { RequestQueries } from './queries/request-queries';
import { UnremittedReport } from './queries/unremitted-report';
import { AssignmentsRepository } from './repositories/assignments.repository';
import { CodeSequenceRepository } from './repositories/code-sequence.repository';
import { LegHistoryRepository } from './repositories/leg-history.repository';
import { LegsRepository } from './repositories/legs.repository';
import { OfficeSnapshotRepository } from './repositories/office-snapshot.repository';
import { PricingRepository } from './repositories/pricing.repository';
import { RemittancesRepository } from './repositories/remittances.repository';
import { RequestsRepository } from './repositories/requests.repository';
import { DispatchKit } from './dispatch-kit';
import { Invitations } from './invitations';
import { LegRecords } from './leg-records';
import { NewLegs } from './new-legs';
import { RequestsCitizenHistory } from './requests-citizen-history';
import { AcceptOffer } from './use-cases/accept-offer.use-case';
import { AssignCourier } from './use-cases/assign-courier.use-case';
import { AssignManually } from './use-cases/assign-manually.use-case';
import { CancelLeg } from './use-cases/cancel-leg.use-case';
import { ChangeLeg } from './use-cases/change-leg';
import { CreateBcciRequest } from './use-cases/create-request.use-case';
import { EndOffer } from './use-cases/end-offer.use-case';
import { LegOverdue } from './use-cases/leg-overdue.use-case';
import { OfferLeg } from './use-cases/offer-leg';
import { PendingOffers } from './use-cases/pending-offers';
import { RecordDelivery } from './use-cases/record-delivery.use-case';
import { RecordFailedAttempt } from './use-cases/record-failed-attempt.use-case';
import { RecordPickup } from './use-cases/record-pickup.use-case';
import { RecordRemittance } from './use-cases/record-remittance.use-case';
import { RejectOffer } from './use-cases/reject-offer.use-case';
import { ReturnToAgency } from './use-cases/return-to-agency.use-case';
import { RouteLeg } from './use-cases/route-leg.use-case';
import { SavePromotion } from './use-cases/save-promotion.use-case';
import { SaveTariff } from './use-cases/save-tariff.use-case';

const REPOSITORIES = [
  AssignmentsRepository,
  CodeSequenceRepository,
  LegHistoryRepository,
  LegsRepository,
  OfficeSnapshotRepository,
  PricingRepository,
  RemittancesRepository,
  RequestsRepository,
];

/** The commands (api and worker alike) and the queries of the context. */
const USE_CASES = [
  CreateBcciRequest,
  RouteLeg,
  EndOffer,
  AcceptOffer,
  RejectOffer,
  AssignManually,
  AssignCourier,
  RecordPickup,
  RecordDelivery,
  RecordFailedAttempt,
  ReturnToAgency,
  CancelLeg,
  RecordRemittance,
  LegOverdue,
  SaveTariff,
  SavePromotion,
];
const QUERIES = [LegQueries, RequestQueries, UnremittedReport];

/** BCCI requests and dispatch: pricing, routing through BullMQ, the dispatcher's lifecycle. */
@Module({
  imports: [GeoModule, CallsModule, CalendarModule],
  providers: [
    { provide: DISPATCH_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => c.dispatch },
    ...REPOSITORIES,
    DispatchCalendar,
    PricingService,
    OfficeIndexService,
    LegRecords,
    LegTransitions,
    DispatchKit,
    Invitations,
    NewLegs,
    OfferLeg,
    PendingOffers,
    ChangeLeg,
    ...USE_CASES,
    ...QUERIES,
    DispatchReconciler,
    PublicLookupLimiter,
    RequestsCitizenHistory,
  ],
  exports: [
    ...USE_CASES,
    ...QUERIES,
    PricingService,
    PublicLookupLimiter,
    OfficeIndexService,
    DispatchReconciler,
    DISPATCH_CONFIG,
  ],
})
export class DispatchModule {}
