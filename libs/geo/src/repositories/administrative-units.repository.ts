import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { AdministrativeUnit } from '../administrative-unit.entity';

/** The communes table (135 rows, loaded by a migration; only the remote-area flag is edited). */
@Injectable()
export class AdministrativeUnitsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  all(): Promise<AdministrativeUnit[]> {
    return this.repo(AdministrativeUnit).find({ order: { code: 'ASC' } });
  }

  findByCode(code: string): Promise<AdministrativeUnit | null> {
    return this.repo(AdministrativeUnit).findOneBy({ code });
  }

  /**
   * A fingerprint of every row's flag and update time, for the cache: it changes whenever a flag does, whichever process (or
   * plain SQL) changed it, and whatever the writer's clock said. Scanning 135 rows is cheaper than loading them.
   */
  async version(): Promise<string> {
    const [row] = (await this.manager.query(
      "SELECT COUNT(*) AS n, BIT_XOR(CRC32(CONCAT(code, '|', remote_area, '|', updated_at))) AS h FROM administrative_units",
    )) as Array<{ n: number | string; h: number | string | null }>;
    return `${row.n}:${row.h}`;
  }

  async setRemoteArea(codes: string[], remoteArea: boolean, at: Date): Promise<void> {
    if (!codes.length) return;
    await this.repo(AdministrativeUnit).update({ code: In(codes) }, { remoteArea, updatedAt: at });
  }
}
