import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { BlockedNumber } from '../blocked-number.entity';

@Injectable()
export class BlockedNumbersRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  /** Newest first. A small admin list: it is answered in one page. */
  list(): Promise<BlockedNumber[]> {
    return this.repo(BlockedNumber).find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async allPhones(): Promise<string[]> {
    return (await this.repo(BlockedNumber).find({ select: ['phone'] })).map((r) => r.phone);
  }

  async isBlocked(e164: string): Promise<boolean> {
    return (await this.repo(BlockedNumber).countBy({ phone: e164 })) > 0;
  }

  async insert(row: BlockedNumber): Promise<void> {
    await this.repo(BlockedNumber).insert(row);
  }

  /** False when there was no such row. */
  async delete(id: string): Promise<boolean> {
    return !!(await this.repo(BlockedNumber).delete({ id })).affected;
  }
}
