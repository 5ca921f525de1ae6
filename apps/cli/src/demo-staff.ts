import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@hotline/contracts';
import { APP_CONFIG, AppConfig } from '@hotline/core';
import { PostOfficesService } from '@hotline/geo';
import { EnsureUserUseCase, NewUserInput } from '@hotline/identity';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  note: string;
}

type DemoAccount = Omit<NewUserInput, 'password' | 'postOfficeId'> & { office?: 'pleiku' | 'quyNhon'; note: string };

const ACCOUNTS: DemoAccount[] = [
  {
    username: 'operator1',
    fullName: 'Nguyễn Thị Lan (ĐTV)',
    role: 'operator',
    extension: '1001',
    note: 'Điện thoại viên, máy nhánh 1001',
  },
  {
    username: 'operator2',
    fullName: 'Trần Văn Minh (ĐTV)',
    role: 'operator',
    extension: '1002',
    note: 'Điện thoại viên, máy nhánh 1002',
  },
  { username: 'supervisor1', fullName: 'Lê Thị Hoa (Giám sát)', role: 'supervisor', note: 'Giám sát' },
  {
    username: 'dispatcher.pleiku',
    fullName: 'Rơ Mah Hơn (Điều phối)',
    role: 'dispatcher',
    office: 'pleiku',
    note: 'Điều phối viên, [DEMO] Bưu điện Phường Pleiku',
  },
  {
    username: 'dispatcher.quynhon',
    fullName: 'Phạm Quốc Huy (Điều phối)',
    role: 'dispatcher',
    office: 'quyNhon',
    note: 'Điều phối viên, [DEMO] Bưu điện Phường Quy Nhơn',
  },
];

/** The demo's five staff accounts; the dispatchers belong to the demo offices of Pleiku and Quy Nhơn. */
@Injectable()
export class DemoStaff {
  constructor(
    private readonly users: EnsureUserUseCase,
    private readonly offices: PostOfficesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<void> {
    const offices = await this.demoOffices();
    for (const { office, note: _note, ...account } of ACCOUNTS) {
      await this.users.execute({
        ...account,
        password: this.config.seed.demoPassword,
        postOfficeId: office ? offices[office] : null,
      });
    }
  }

  logins(): DemoLogin[] {
    const password = this.config.seed.demoPassword;
    return ACCOUNTS.map(({ username, role, note }) => ({ username, password, role, note }));
  }

  private async demoOffices(): Promise<Record<'pleiku' | 'quyNhon', string>> {
    const anyDemo = async () => (await this.offices.list({ q: 'DEMO-', limit: 1 })).items[0];
    const pleiku = (await this.offices.findByCode('DEMO-23575')) ?? (await anyDemo());
    const quyNhon = (await this.offices.findByCode('DEMO-21583')) ?? pleiku;
    return { pleiku: pleiku.id, quyNhon: quyNhon.id };
  }
}
