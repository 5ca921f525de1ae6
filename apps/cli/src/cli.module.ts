import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { DemoSeedService } from './demo-seed.service';
import { COMPOSITION } from '../../composition/src';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(config, COMPOSITION), IdentityModule, GeoModule],
      providers: [DemoSeedService],
    };
  }
}
