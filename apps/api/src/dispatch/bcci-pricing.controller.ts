import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PromotionView, TariffView } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles } from '@hotline/core';
import {
  PricingService,
  PromotionDto,
  SavePromotion,
  SaveTariff,
  TariffDto,
  UpdatePromotionDto,
  UpdateTariffDto,
} from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

/** Tariffs and promotion rules: everyone reads them, admins edit them. */
@ApiTags('bcci-pricing')
@ApiBearerAuth()
@Controller()
export class BcciPricingController {
  constructor(
    private readonly pricing: PricingService,
    private readonly tariffs: SaveTariff,
    private readonly promotions: SavePromotion,
  ) {}

  @Get('bcci-tariffs')
  @AnyRole()
  @ApiOperation({ summary: 'Every tariff, in one page ({ items, nextCursor: null })' })
  listTariffs(): Promise<Page<TariffView>> {
    return this.pricing.listTariffs();
  }

  @Post('bcci-tariffs')
  @Roles('admin')
  createTariff(@Body() dto: TariffDto, @CurrentUser() user: AuthUser): Promise<TariffView> {
    return this.tariffs.create(dto, user.id);
  }

  @Patch('bcci-tariffs/:id')
  @Roles('admin')
  updateTariff(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateTariffDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TariffView> {
    return this.tariffs.update(id, dto, user.id);
  }

  @Get('bcci-promotions')
  @AnyRole()
  @ApiOperation({ summary: 'Every promotion rule, newest window first, in one page ({ items, nextCursor: null })' })
  listPromotions(): Promise<Page<PromotionView>> {
    return this.pricing.listPromotions();
  }

  @Post('bcci-promotions')
  @Roles('admin')
  createPromotion(@Body() dto: PromotionDto, @CurrentUser() user: AuthUser): Promise<PromotionView> {
    return this.promotions.create(dto, user.id);
  }

  @Patch('bcci-promotions/:id')
  @Roles('admin')
  updatePromotion(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdatePromotionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PromotionView> {
    return this.promotions.update(id, dto, user.id);
  }
}
