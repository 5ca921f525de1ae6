import { Module } from '@nestjs/common';
import { DispatchModule } from '@hotline/dispatch';
import { BcciDeliveryController } from './bcci-delivery.controller';
import { BcciExceptionsController } from './bcci-exceptions.controller';
import { BcciLegsController } from './bcci-legs.controller';
import { BcciOffersController } from './bcci-offers.controller';
import { BcciPricingController } from './bcci-pricing.controller';
import { BcciRemittancesController } from './bcci-remittances.controller';
import { BcciRequestsController } from './bcci-requests.controller';
import { PublicRequestsController } from './public-requests.controller';

/** HTTP entry points of the dispatch context (controllers stay thin: validate, call one use case or query, return). */
@Module({
  imports: [DispatchModule],
  controllers: [
    BcciRequestsController,
    BcciLegsController,
    BcciOffersController,
    BcciDeliveryController,
    BcciExceptionsController,
    BcciRemittancesController,
    BcciPricingController,
    PublicRequestsController,
  ],
})
export class DispatchApiModule {}
