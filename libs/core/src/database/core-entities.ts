import { AuditLogEntry } from '../audit/audit-log.entity';
import { AppSetting } from './app-setting.entity';
import { OutboxRecord } from '../outbox/outbox-record.entity';

/** Core's own tables; the apps add every context's (apps/composition). */
export const CORE_ENTITIES = [AuditLogEntry, AppSetting, OutboxRecord];
