import { Module } from '@nestjs/common';
import { AdministrativeUnitsService } from './administrative-units.service';
import { PostOfficeChecker } from './post-office-checker';
import { PostOfficeWriter } from './post-office-writer';
import { PostOfficesService } from './post-offices.service';
import { AdministrativeUnitsRepository } from './repositories/administrative-units.repository';
import { PostOfficesRepository } from './repositories/post-offices.repository';
import { CreatePostOfficeUseCase } from './use-cases/create-post-office.use-case';
import { ImportPostOfficesUseCase } from './use-cases/import-post-offices.use-case';
import { SeedDemoGeoUseCase } from './use-cases/seed-demo-geo.use-case';
import { UpdatePostOfficeUseCase } from './use-cases/update-post-office.use-case';

/** What the apps and the other contexts call: the read services and the commands. */
const PUBLIC = [
  AdministrativeUnitsService,
  PostOfficesService,
  CreatePostOfficeUseCase,
  UpdatePostOfficeUseCase,
  ImportPostOfficesUseCase,
  SeedDemoGeoUseCase,
];

@Module({
  providers: [...PUBLIC, AdministrativeUnitsRepository, PostOfficesRepository, PostOfficeChecker, PostOfficeWriter],
  exports: PUBLIC,
})
export class GeoModule {}
