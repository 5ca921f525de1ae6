import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LegKind, RouteType } from '@hotline/contracts';
import { BaseRepository } from '@hotline/core';
import { BcciTariff } from '../bcci-tariff.entity';

/** Postage tariffs. */
@Injectable()
export class TariffsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  all(): Promise<BcciTariff[]> {
    return this.repo(BcciTariff).find({ order: { legKind: 'ASC', routeType: 'ASC' } });
  }

  find(id: string): Promise<BcciTariff | null> {
    return this.repo(BcciTariff).findOneBy({ id });
  }

  async existsFor(legKind: LegKind, routeType: RouteType): Promise<boolean> {
    return (await this.repo(BcciTariff).countBy({ legKind, routeType })) > 0;
  }

  async insert(tariff: BcciTariff): Promise<void> {
    await this.repo(BcciTariff).insert(tariff);
  }

  async update(id: string, changes: Partial<BcciTariff>): Promise<void> {
    await this.repo(BcciTariff).update({ id }, changes);
  }
}
