import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { LegKind, LegState, PickupChecklist, ProofOfDelivery, RouteType } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn, bigintToNumber, decimalToNumber } from '@hotline/core';

/** One trip of a BCCI request: pickup (citizen → agency) or return (agency → citizen). */
@Entity('bcci_legs')
@Index('ix_bcci_legs_request', ['requestId'])
@Index('ix_bcci_legs_state', ['state', 'updatedAt'])
@Index('ix_bcci_legs_office_state', ['officeId', 'state'])
export class BcciLeg {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  requestId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: LegKind;

  @Column({ type: 'varchar', length: 20 })
  state: LegState;

  @Column({ type: 'varchar', length: 255 })
  addressDetail: string;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  communeCode: string;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lat: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lng: number | null;

  @Column({ type: 'boolean', default: false })
  remoteArea: boolean;

  @DateTimeColumn({ nullable: true })
  windowFrom: Date | null;

  @DateTimeColumn({ nullable: true })
  windowTo: Date | null;

  @Column({ type: 'varchar', length: 20 })
  routeType: RouteType;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  basePostage: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  discount: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  postage: number;

  @UuidColumn({ nullable: true })
  promotionId: string | null;

  @Column({ type: 'varchar', length: 150, nullable: true })
  promotionName: string | null;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  feeExpected: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  feeCollected: number | null;

  @UuidColumn({ nullable: true })
  remittanceId: string | null;

  /** The office holding the leg (pending offer or accepted). */
  @UuidColumn({ nullable: true })
  officeId: string | null;

  /** Incremented at every (re-)routing; part of the routing job id. */
  @Column({ type: 'int' })
  routingAttempt: number;

  /** When routing waits for the next opening time (no eligible office open now). */
  @DateTimeColumn({ nullable: true })
  routeAfter: Date | null;

  @Column({ type: 'varchar', length: 150, nullable: true })
  courierName: string | null;

  @Column({ type: 'int', default: 0 })
  failedAttempts: number;

  @Column({ type: 'json', nullable: true })
  pickupChecklist: PickupChecklist | null;

  @Column({ type: 'json', nullable: true })
  proofOfDelivery: ProofOfDelivery | null;

  @DateTimeColumn({ nullable: true })
  deliveredAt: Date | null;

  /** J+n working days by route type (Circular 17/2017), from the tariff. */
  @DateTimeColumn()
  dueAt: Date;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
