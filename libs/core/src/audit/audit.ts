import type { EntityManager } from 'typeorm';
import { uuidv7 } from '../util/uuid';
import { AuditLogEntry } from './audit-log.entity';

export interface AuditInput {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  at?: Date;
}

/** Writes an audit row with the caller's transaction manager, so the change and its history commit together. */
export async function writeAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  const entry: AuditLogEntry = {
    id: uuidv7(),
    at: input.at ?? new Date(),
    actorId: input.actorId,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    fromState: input.from ?? null,
    toState: input.to ?? null,
    reason: input.reason ?? null,
    data: input.data ?? null,
  };
  await manager.insert(AuditLogEntry, entry as never);
}
