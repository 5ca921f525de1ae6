import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@hotline/contracts';
import { APP_CONFIG, AppConfig, AppSetting, Clock, dbManager } from '@hotline/core';
import { AdministrativeUnitsService, DEFAULT_OPENING_HOURS, PostOffice, PostOfficesService } from '@hotline/geo';
import { UsersService } from '@hotline/identity';

export const DEMO_SEED_KEY = 'demo_seed_version';
const DEMO_SEED_VERSION = 1;

/**
 * Demo highland communes flagged as remote/ethnic-minority areas: Jarai and Bahnar place names of the former Gia Lai
 * plus the mountain communes of former An Lão, Vĩnh Thạnh, Vân Canh. An approximation for the demo only: the admin
 * applies the official list (e.g. Decision 861/QĐ-TTg and its successors) in production.
 */
const DEMO_REMOTE_NAME =
  /^(Ia |Kon |Krông|Chư |Đak |Đăk |Kbang|KDang|Ya |Ayun|SRó|Hra|Lơ Pang|Bờ Ngoong|Al Bá|Uar|Pờ Tó|Mang Yang|Đak Sơmei|Tơ Tung|Kông|An Toàn|Vĩnh Sơn|Vĩnh Kim|Canh Liên|An Vinh|Chơ Long|Đak Pơ)/i;

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  note: string;
}

export interface SeedReport {
  adminCreated: boolean;
  demo: 'seeded' | 'already-seeded' | 'disabled';
  logins: DemoLogin[];
}

const toRad = (d: number) => (d * Math.PI) / 180;
function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const h =
    Math.sin(toRad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lng - a.lng) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** Idempotent: the first admin when none exists, and (outside production) one demo office per commune plus demo users, once. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly offices: PostOfficesService,
    private readonly units: AdministrativeUnitsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<SeedReport> {
    const { adminUsername, adminPassword } = this.config.seed;
    const adminCreated = await this.db.transaction((m) =>
      this.users.ensure(m, {
        username: adminUsername,
        fullName: 'Quản trị hệ thống',
        password: adminPassword,
        role: 'admin',
      }),
    );
    const admin: DemoLogin = { username: adminUsername, password: adminPassword, role: 'admin', note: 'Quản trị' };
    if (!this.config.seed.demo) return { adminCreated, demo: 'disabled', logins: [admin] };

    const done = await dbManager(this.db).getRepository(AppSetting).findOneBy({ key: DEMO_SEED_KEY });
    if (!done) await this.seedDemo();
    return { adminCreated, demo: done ? 'already-seeded' : 'seeded', logins: [admin, ...(await this.demoLogins())] };
  }

  private async seedDemo(): Promise<void> {
    const units = [...(await this.units.all()).values()];
    const points = units.map((u) => ({ code: u.code, lat: Number(u.lat), lng: Number(u.lng) }));
    await this.db.transaction(async (m) => {
      for (const u of units) {
        const code = `DEMO-${u.code}`;
        if (await m.countBy(PostOffice, { code })) continue;
        // Serves its own commune and the 3 nearest ones: a leg can be re-routed when an office rejects it.
        const neighbours = points
          .filter((p) => p.code !== u.code)
          .map((p) => ({ code: p.code, d: km(p, { lat: Number(u.lat), lng: Number(u.lng) }) }))
          .sort((a, b) => a.d - b.d)
          .slice(0, 3)
          .map((p) => p.code);
        await this.offices.insert(
          m,
          {
            code,
            name: `[DEMO] Bưu điện ${u.name}`,
            address: `Trung tâm ${u.name} (dữ liệu minh họa)`,
            communeCode: u.code,
            lat: Number(u.lat),
            lng: Number(u.lng),
            phone: null,
            openingHours: DEFAULT_OPENING_HOURS,
            dailyCapacity: 50,
            active: true,
            serviceArea: [u.code, ...neighbours],
          },
          null,
          true,
        );
      }
      const pleiku = await m
        .findOneByOrFail(PostOffice, { code: 'DEMO-23575' })
        .catch(() => m.findOneByOrFail(PostOffice, { isDemo: true }));
      const quyNhon = await m.findOneByOrFail(PostOffice, { code: 'DEMO-21583' }).catch(() => pleiku);
      const pw = this.config.seed.demoPassword;
      await this.users.ensure(m, {
        username: 'operator1',
        fullName: 'Nguyễn Thị Lan (ĐTV)',
        password: pw,
        role: 'operator',
        extension: '1001',
      });
      await this.users.ensure(m, {
        username: 'operator2',
        fullName: 'Trần Văn Minh (ĐTV)',
        password: pw,
        role: 'operator',
        extension: '1002',
      });
      await this.users.ensure(m, {
        username: 'supervisor1',
        fullName: 'Lê Thị Hoa (Giám sát)',
        password: pw,
        role: 'supervisor',
      });
      await this.users.ensure(m, {
        username: 'dispatcher.pleiku',
        fullName: 'Rơ Mah Hơn (Điều phối)',
        password: pw,
        role: 'dispatcher',
        postOfficeId: pleiku.id,
      });
      await this.users.ensure(m, {
        username: 'dispatcher.quynhon',
        fullName: 'Phạm Quốc Huy (Điều phối)',
        password: pw,
        role: 'dispatcher',
        postOfficeId: quyNhon.id,
      });
      await m.save(AppSetting, {
        key: DEMO_SEED_KEY,
        value: { version: DEMO_SEED_VERSION, at: this.clock.now().toISOString() },
        updatedAt: this.clock.now(),
      });
    });
    await this.units.setRemoteAreas(
      units.filter((u) => DEMO_REMOTE_NAME.test(u.shortName)).map((u) => u.code),
      true,
    );
    this.logger.log(`Demo data seeded: ${units.length} demo post offices, 5 demo users`);
  }

  private async demoLogins(): Promise<DemoLogin[]> {
    const pw = this.config.seed.demoPassword;
    return [
      { username: 'operator1', password: pw, role: 'operator', note: 'Điện thoại viên, máy nhánh 1001' },
      { username: 'operator2', password: pw, role: 'operator', note: 'Điện thoại viên, máy nhánh 1002' },
      { username: 'supervisor1', password: pw, role: 'supervisor', note: 'Giám sát' },
      {
        username: 'dispatcher.pleiku',
        password: pw,
        role: 'dispatcher',
        note: 'Điều phối viên, [DEMO] Bưu điện Phường Pleiku',
      },
      {
        username: 'dispatcher.quynhon',
        password: pw,
        role: 'dispatcher',
        note: 'Điều phối viên, [DEMO] Bưu điện Phường Quy Nhơn',
      },
    ];
  }
}
