/** Every entity of every context, for the one DataSource. Contexts export their entities from an `entities.ts` barrel. */
import { IDENTITY_ENTITIES } from '@hotline/identity/entities';
import { GEO_ENTITIES } from '@hotline/geo/entities';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { AppSetting } from './app-setting.entity';

export const ALL_ENTITIES = [AuditLogEntry, AppSetting, ...IDENTITY_ENTITIES, ...GEO_ENTITIES];
