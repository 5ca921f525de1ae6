import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { DemoData } from './demo-data';
import { DemoSeedService } from './demo-seed.service';
import { DemoStaff } from './demo-staff';
import { SeedMarkerRepository } from './seed-marker.repository';
import { COMPOSITION } from '../../composition/src';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(config, COMPOSITION), IdentityModule, GeoModule],
      providers: [DemoSeedService, DemoData, DemoStaff, SeedMarkerRepository],
    };
  }
}
