import { Column, Entity, Index } from 'typeorm';
import type { BcciOption, ServiceLevel } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn, bigintToNumber } from '@hotline/core';

/** A BCCI request (Decision 45/2016): one dossier, one or two legs. Prices are frozen on the legs at creation. */
@Entity('bcci_requests')
@Index('ux_bcci_requests_code', ['code'], { unique: true })
@Index('ix_bcci_requests_citizen', ['citizenId'])
@Index('ix_bcci_requests_created', ['createdAt'])
@Index('ix_bcci_requests_creator', ['createdById', 'createdAt'])
@Index('ix_bcci_requests_phone', ['citizenPhone', 'createdAt'])
@Index('ix_bcci_requests_dossier', ['dossierCode'])
export class BcciRequest {
  @UuidPrimaryColumn()
  id: string;

  /** Human-readable, e.g. BC-260129-000123 (local date + daily sequence). */
  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  option: BcciOption;

  @Column({ type: 'varchar', length: 60 })
  dossierCode: string;

  @Column({ type: 'varchar', length: 255 })
  procedureName: string;

  @Column({ type: 'varchar', length: 150 })
  field: string;

  @Column({ type: 'varchar', length: 200 })
  agency: string;

  @Column({ type: 'varchar', length: 12 })
  serviceLevel: ServiceLevel;

  @UuidColumn()
  citizenId: string;

  /** E.164 the operator typed: the public lookup matches it. */
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  citizenPhone: string;

  @Column({ type: 'varchar', length: 150, nullable: true })
  contactName: string | null;

  @UuidColumn({ nullable: true })
  callId: string | null;

  /** Fee/charge collected on behalf of the agency (integer VND). */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  feeOnBehalf: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 10 })
  priority: 'normal' | 'high';

  @Column({ type: 'boolean', default: false })
  remoteArea: boolean;

  @UuidColumn()
  createdById: string;

  @DateTimeColumn()
  createdAt: Date;
}
