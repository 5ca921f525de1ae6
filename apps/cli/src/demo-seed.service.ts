import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@hotline/core';
import { EnsureUserUseCase } from '@hotline/identity';
import { DemoData } from './demo-data';
import type { DemoLogin } from './demo-staff';

export type { DemoLogin } from './demo-staff';
export { DEMO_SEED_KEY } from './demo-data';

export interface SeedReport {
  adminCreated: boolean;
  demo: 'seeded' | 'already-seeded' | 'disabled';
  logins: DemoLogin[];
}

/** Idempotent: the first admin when none exists, and (outside production) the demo data, once. */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly users: EnsureUserUseCase,
    private readonly demo: DemoData,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<SeedReport> {
    const { adminUsername, adminPassword } = this.config.seed;
    const adminCreated = await this.users.execute({
      username: adminUsername,
      fullName: 'Quản trị hệ thống',
      password: adminPassword,
      role: 'admin',
    });
    const admin: DemoLogin = { username: adminUsername, password: adminPassword, role: 'admin', note: 'Quản trị' };
    if (!this.config.seed.demo) return { adminCreated, demo: 'disabled', logins: [admin] };
    const seeded = await this.demo.seedOnce();
    return { adminCreated, demo: seeded ? 'seeded' : 'already-seeded', logins: [admin, ...this.demo.logins()] };
  }
}
