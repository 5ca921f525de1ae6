import { CitizenPhone } from './citizen-phone.entity';
import { Citizen } from './citizen.entity';

/** The calls context's entities, registered in the one DataSource (libs/core/src/database/entities.ts). */
export const CALLS_ENTITIES: Function[] = [Citizen, CitizenPhone];
