import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PromotionView, TariffView } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles } from '@hotline/core';
import { PricingService, PromotionDto, TariffDto, UpdatePromotionDto, UpdateTariffDto } from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

/** Tariffs and promotion rules: everyone reads them, admins edit them. */
@ApiTags('bcci-pricing')
@ApiBearerAuth()
@Controller()
export class BcciPricingController {
  constructor(private readonly pricing: PricingService) {}

  @Get('bcci-tariffs')
  @AnyRole()
  tariffs(): Promise<TariffView[]> {
    return this.pricing.listTariffs();
  }

  @Post('bcci-tariffs')
  @Roles('admin')
  createTariff(@Body() dto: TariffDto, @CurrentUser() user: AuthUser): Promise<TariffView> {
    return this.pricing.createTariff(dto, user.id);
  }

  @Patch('bcci-tariffs/:id')
  @Roles('admin')
  updateTariff(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateTariffDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TariffView> {
    return this.pricing.updateTariff(id, dto, user.id);
  }

  @Get('bcci-promotions')
  @AnyRole()
  promotions(): Promise<PromotionView[]> {
    return this.pricing.listPromotions();
  }

  @Post('bcci-promotions')
  @Roles('admin')
  createPromotion(@Body() dto: PromotionDto, @CurrentUser() user: AuthUser): Promise<PromotionView> {
    return this.pricing.createPromotion(dto, user.id);
  }

  @Patch('bcci-promotions/:id')
  @Roles('admin')
  updatePromotion(
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdatePromotionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PromotionView> {
    return this.pricing.updatePromotion(id, dto, user.id);
  }
}
