import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@hotline/core';
import { SeedDemoGeoUseCase } from '@hotline/geo';
import { DemoLogin, DemoStaff } from './demo-staff';
import { SeedMarkerRepository } from './seed-marker.repository';

export const DEMO_SEED_KEY = 'demo_seed_version';
const DEMO_SEED_VERSION = 1;

/** The demo data (outside production), once: its offices and remote communes, its staff, and the marker, in one transaction. */
@Injectable()
export class DemoData {
  private readonly logger = new Logger(DemoData.name);

  constructor(
    private readonly geo: SeedDemoGeoUseCase,
    private readonly staff: DemoStaff,
    private readonly markers: SeedMarkerRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** Whether it seeded now (false: it had already run). */
  async seedOnce(): Promise<boolean> {
    if (await this.markers.has(DEMO_SEED_KEY)) return false;
    const geo = await this.uow.run(async () => {
      const seeded = await this.geo.execute();
      await this.staff.seed();
      await this.markers.mark(DEMO_SEED_KEY, DEMO_SEED_VERSION);
      return seeded;
    });
    this.logger.log(
      `Demo data seeded: ${geo.offices} demo post offices, 5 demo users, ${geo.remoteAreas} remote communes`,
    );
    return true;
  }

  logins(): DemoLogin[] {
    return this.staff.logins();
  }
}
