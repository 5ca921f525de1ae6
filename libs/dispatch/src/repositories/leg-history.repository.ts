import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditLogEntry, BaseRepository } from '@hotline/core';

/** The entity type of a leg's history rows in audit_log (the one history mechanism). */
export const LEG_ENTITY = 'bcci_leg';
export const LEG_STATE_CHANGED = 'state_changed';

/** Reads of the legs' history (written through the unit of work's `tx.history`). Index ix_audit_entity. */
@Injectable()
export class LegHistoryRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  /** The instants of the failed delivery attempts of these legs, oldest first. */
  async failedAttempts(legIds: string[]): Promise<Map<string, Date[]>> {
    const out = new Map<string, Date[]>();
    if (!legIds.length) return out;
    const rows = await this.repo(AuditLogEntry).find({
      where: { entityType: LEG_ENTITY, entityId: In(legIds), toState: 'failed_attempt' },
      select: ['entityId', 'at'],
      order: { at: 'ASC' },
    });
    for (const r of rows) out.set(r.entityId, [...(out.get(r.entityId) ?? []), r.at]);
    return out;
  }
}
