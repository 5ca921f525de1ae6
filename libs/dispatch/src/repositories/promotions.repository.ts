import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { BcciPromotion } from '../bcci-promotion.entity';

/** Promotion rules. */
@Injectable()
export class PromotionsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  all(): Promise<BcciPromotion[]> {
    return this.repo(BcciPromotion).find({ order: { startsOn: 'DESC' } });
  }

  active(): Promise<BcciPromotion[]> {
    return this.repo(BcciPromotion).findBy({ active: true });
  }

  find(id: string): Promise<BcciPromotion | null> {
    return this.repo(BcciPromotion).findOneBy({ id });
  }

  async insert(promotion: BcciPromotion): Promise<void> {
    await this.repo(BcciPromotion).insert(promotion);
  }

  async update(id: string, changes: Partial<BcciPromotion>): Promise<void> {
    await this.repo(BcciPromotion).update({ id }, changes as never);
  }
}
