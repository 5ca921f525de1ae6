import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { AssignCourier, CourierDto, DeliverDto, PickupDto, RecordDelivery, RecordPickup } from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

/** The delivery of a leg the office holds: courier, pickup with its checklist, delivery with its proof. */
@ApiTags('bcci-legs')
@ApiBearerAuth()
@Controller()
export class BcciDeliveryController {
  constructor(
    private readonly assignCourier: AssignCourier,
    private readonly recordPickup: RecordPickup,
    private readonly recordDelivery: RecordDelivery,
  ) {}

  @Post('bcci-legs/:id/courier')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  courier(@Param('id', uuidPipe) id: string, @Body() dto: CourierDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.assignCourier.execute(id, dto, user);
  }

  @Post('bcci-legs/:id/pickup')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({ summary: 'Picked up, with the Decision 45 art. 6 checklist' })
  pickup(@Param('id', uuidPipe) id: string, @Body() dto: PickupDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.recordPickup.execute(id, dto, user);
  }

  @Post('bcci-legs/:id/deliver')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({ summary: 'Delivered, with proof of delivery' })
  deliver(@Param('id', uuidPipe) id: string, @Body() dto: DeliverDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.recordDelivery.execute(id, dto, user);
  }
}
