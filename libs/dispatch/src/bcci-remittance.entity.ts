import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn, bigintToNumber } from '@hotline/core';

/** A batch of fees collected on behalf that an office remitted to the agency. */
@Entity('bcci_remittances')
@Index('ix_bcci_remittances_office', ['officeId', 'remittedOn'])
export class BcciRemittance {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  officeId: string;

  @Column({ type: 'varchar', length: 60 })
  reference: string;

  @Column({ type: 'char', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  remittedOn: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  amount: number;

  @UuidColumn()
  createdById: string;

  @DateTimeColumn()
  createdAt: Date;
}
