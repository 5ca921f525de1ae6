/** Every entity of every context, for the one DataSource. Contexts export their entities from an `entities.ts` barrel. */
import { IDENTITY_ENTITIES } from '@hotline/identity/entities';
import { GEO_ENTITIES } from '@hotline/geo/entities';
import { CALLS_ENTITIES } from '@hotline/calls/entities';
import { DISPATCH_ENTITIES } from '@hotline/dispatch/entities';
import { FEEDBACK_ENTITIES } from '@hotline/feedback/entities';
import { SLA_ENTITIES } from '@hotline/sla/persistence/entities';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { AppSetting } from './app-setting.entity';

export const ALL_ENTITIES = [AuditLogEntry, AppSetting, ...IDENTITY_ENTITIES, ...GEO_ENTITIES, ...CALLS_ENTITIES, ...DISPATCH_ENTITIES, ...SLA_ENTITIES, ...FEEDBACK_ENTITIES];
