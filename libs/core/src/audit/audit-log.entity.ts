import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';

/** Who changed what, when, from which state to which, and why. Written in the same transaction as the change. */
@Entity('audit_log')
@Index('ix_audit_entity', ['entityType', 'entityId', 'at'])
@Index('ix_audit_actor', ['actorId', 'at'])
export class AuditLogEntry {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci' })
  id: string;

  @DateTimeColumn()
  at: Date;

  @Column({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  fromState: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  toState: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'json', nullable: true })
  data: Record<string, unknown> | null;
}
