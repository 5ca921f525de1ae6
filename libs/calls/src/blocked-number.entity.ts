import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/** Numbers whose calls the PBX is told to reject; stored E.164, so any way of typing matches. */
@Entity('blocked_numbers')
@Index('ux_blocked_numbers_phone', ['phone'], { unique: true })
export class BlockedNumber {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  phone: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reason: string | null;

  @UuidColumn({ nullable: true })
  createdBy: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
