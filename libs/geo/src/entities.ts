import { AdministrativeUnit } from './administrative-unit.entity';
import { PostOffice } from './post-office.entity';
import { PostOfficeServiceArea } from './post-office-service-area.entity';

export const GEO_ENTITIES = [AdministrativeUnit, PostOffice, PostOfficeServiceArea];
