import { Column, Entity } from 'typeorm';
import type { LegKind, ServiceLevel } from '@hotline/contracts';
import { DateTimeColumn, UuidPrimaryColumn } from '@hotline/core';

/** A postage discount: local-date window (Vietnam time, inclusive), conditions, percentage. Admin-editable. */
@Entity('bcci_promotions')
export class BcciPromotion {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  /** YYYY-MM-DD, local date in Vietnam. */
  @Column({ type: 'char', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  startsOn: string;

  @Column({ type: 'char', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  endsOn: string;

  @Column({ type: 'int' })
  percent: number;

  @Column({ type: 'json' })
  legKinds: LegKind[];

  @Column({ type: 'json' })
  serviceLevels: ServiceLevel[];

  @Column({ type: 'json' })
  fields: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @DateTimeColumn()
  updatedAt: Date;
}
