import { Column, Entity, Index } from 'typeorm';
import type { LegKind, RouteType } from '@hotline/contracts';
import { DateTimeColumn, UuidPrimaryColumn, bigintToNumber } from '@hotline/core';

/** Postage by leg kind and zone (route type), with the Circular 17/2017 J+n delivery time. Admin-editable. */
@Entity('bcci_tariffs')
@Index('ux_bcci_tariffs_kind_route', ['legKind', 'routeType'], { unique: true })
export class BcciTariff {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 10 })
  legKind: LegKind;

  @Column({ type: 'varchar', length: 20 })
  routeType: RouteType;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  priceVnd: number;

  @Column({ type: 'int' })
  dueWorkingDays: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @DateTimeColumn()
  updatedAt: Date;
}
