import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppSetting, BaseRepository, Clock } from '@hotline/core';

/** Which seeds ran on this installation (app_settings), so that seeding stays idempotent. */
@Injectable()
export class SeedMarkerRepository extends BaseRepository {
  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly clock: Clock,
  ) {
    super(ds);
  }

  async has(key: string): Promise<boolean> {
    return (await this.repo(AppSetting).countBy({ key })) > 0;
  }

  async mark(key: string, version: number): Promise<void> {
    const now = this.clock.now();
    await this.repo(AppSetting).save({ key, value: { version, at: now.toISOString() }, updatedAt: now });
  }
}
