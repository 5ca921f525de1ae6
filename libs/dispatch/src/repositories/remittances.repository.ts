import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { BcciRemittance } from '../bcci-remittance.entity';

/** Remittance batches of fees collected on behalf. */
@Injectable()
export class RemittancesRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  async insert(remittance: BcciRemittance): Promise<void> {
    await this.repo(BcciRemittance).insert(remittance);
  }

  /** What the leg views show of their batches. */
  refs(ids: string[]): Promise<Array<Pick<BcciRemittance, 'id' | 'reference' | 'remittedOn'>>> {
    return ids.length
      ? this.repo(BcciRemittance).find({ where: { id: In(ids) }, select: ['id', 'reference', 'remittedOn'] })
      : Promise.resolve([]);
  }
}
