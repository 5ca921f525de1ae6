import type { EntityManager } from 'typeorm';
import { deferWrite } from '../database/deferred-writes';
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

const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor_id',
  'entity_type',
  'entity_id',
  'action',
  'from_state',
  'to_state',
  'reason',
  'data',
] as const;
const AUDIT_INSERT = `INSERT INTO audit_log (${AUDIT_COLUMNS.join(', ')}) VALUES `;
const AUDIT_ROW = `(${AUDIT_COLUMNS.map(() => '?').join(', ')})`;

/**
 * Writes audit rows with the caller's transaction manager, so the change and its history commit together (deferred: sent
 * with the transaction's next statement, see deferWrite). Several rows
 * (a request and its legs) go in one multi-row INSERT. A plain statement, not TypeORM's insert builder: this runs in every
 * unit of work that changes a state, on the hot paths (request creation, routing), where the builder's per-call work
 * (metadata walk, subscribers, returning columns) showed in the CPU per request.
 */
export async function writeAudit(manager: EntityManager, input: AuditInput | readonly AuditInput[]): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input as AuditInput];
  if (!inputs.length) return;
  const params: unknown[] = [];
  for (const e of inputs.map(auditEntry))
    params.push(
      e.id,
      e.at,
      e.actorId,
      e.entityType,
      e.entityId,
      e.action,
      e.fromState,
      e.toState,
      e.reason,
      e.data === null ? null : JSON.stringify(e.data),
    );
  await deferWrite(manager, AUDIT_INSERT + inputs.map(() => AUDIT_ROW).join(', '), params);
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
