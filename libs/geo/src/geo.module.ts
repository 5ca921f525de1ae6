import { Module } from '@nestjs/common';
import { AdministrativeUnitsService } from './administrative-units.service';
import { PostOfficesService } from './post-offices.service';

@Module({
  providers: [AdministrativeUnitsService, PostOfficesService],
  exports: [AdministrativeUnitsService, PostOfficesService],
})
export class GeoModule {}
