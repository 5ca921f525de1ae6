import { Injectable, Logger } from '@nestjs/common';
import { VersionedCache } from '@hotline/core';
import { OfficeIndex } from './office-index';
import { OfficeSnapshotRepository } from './repositories/office-snapshot.repository';

/**
 * Keeps the routing index of post offices in memory (core's VersionedCache). Before each routing decision one cheap query
 * reads the offices' version stamp; the index is rebuilt only when the stamp changed. Editing an office or its service
 * area through the geo context bumps `updated_at`, so every worker sees an edit at its next routing — no periodic refresh
 * lag, no cross-process invalidation message.
 */
@Injectable()
export class OfficeIndexService {
  private readonly logger = new Logger(OfficeIndexService.name);
  private readonly cache: VersionedCache<'offices', OfficeIndex>;

  constructor(private readonly snapshot: OfficeSnapshotRepository) {
    this.cache = new VersionedCache({
      recheckMs: 0,
      version: () => this.snapshot.stamp(),
      load: async () => {
        const index = new OfficeIndex(await this.snapshot.offices());
        this.logger.debug(`Office index rebuilt: ${index.size} offices`);
        return index;
      },
    });
  }

  get(): Promise<OfficeIndex> {
    return this.cache.get('offices');
  }
}
