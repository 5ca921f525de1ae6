import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LegKind, RouteType } from '@hotline/contracts';
import { BaseRepository } from '@hotline/core';
import { BcciPromotion } from '../bcci-promotion.entity';
import { BcciTariff } from '../bcci-tariff.entity';

/** The two small tables of pricing: postage tariffs and promotion rules. */
@Injectable()
export class PricingRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  tariffs(): Promise<BcciTariff[]> {
    return this.repo(BcciTariff).find({ order: { legKind: 'ASC', routeType: 'ASC' } });
  }

  findTariff(id: string): Promise<BcciTariff | null> {
    return this.repo(BcciTariff).findOneBy({ id });
  }

  async tariffExistsFor(legKind: LegKind, routeType: RouteType): Promise<boolean> {
    return (await this.repo(BcciTariff).countBy({ legKind, routeType })) > 0;
  }

  async insertTariff(tariff: BcciTariff): Promise<void> {
    await this.repo(BcciTariff).insert(tariff);
  }

  async updateTariff(id: string, changes: Partial<BcciTariff>): Promise<void> {
    await this.repo(BcciTariff).update({ id }, changes);
  }

  promotions(): Promise<BcciPromotion[]> {
    return this.repo(BcciPromotion).find({ order: { startsOn: 'DESC' } });
  }

  activePromotions(): Promise<BcciPromotion[]> {
    return this.repo(BcciPromotion).findBy({ active: true });
  }

  findPromotion(id: string): Promise<BcciPromotion | null> {
    return this.repo(BcciPromotion).findOneBy({ id });
  }

  async insertPromotion(promotion: BcciPromotion): Promise<void> {
    await this.repo(BcciPromotion).insert(promotion);
  }

  async updatePromotion(id: string, changes: Partial<BcciPromotion>): Promise<void> {
    await this.repo(BcciPromotion).update({ id }, changes as never);
  }
}
