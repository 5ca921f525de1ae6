import { Module } from '@nestjs/common';
import { DispatchModule } from '@hotline/dispatch';
import { BcciLegsController } from './bcci-legs.controller';
import { BcciPricingController } from './bcci-pricing.controller';
import { BcciRequestsController } from './bcci-requests.controller';
import { PublicRequestsController } from './public-requests.controller';

/** HTTP entry points of the dispatch context (controllers stay thin: validate, call one service method, return). */
@Module({
  imports: [DispatchModule],
  controllers: [BcciRequestsController, BcciLegsController, BcciPricingController, PublicRequestsController],
  providers: [],
})
export class DispatchApiModule {}
