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

/**
 * Writes audit rows with the caller's transaction manager, so the change and its history commit together. Several rows
 * (a request and its legs) go in one multi-row INSERT.
 */
export async function writeAudit(manager: EntityManager, input: AuditInput | readonly AuditInput[]): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input as AuditInput];
  if (!inputs.length) return;
  await manager.insert(AuditLogEntry, inputs.map(auditEntry) as never);
}

function auditEntry(input: AuditInput): AuditLogEntry {
  return {
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
}
