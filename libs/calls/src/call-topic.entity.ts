import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidPrimaryColumn } from '@hotline/core';

/** The managed list of call topics (seeded by a data migration, edited by admins). */
@Entity('call_topics')
@Index('ux_call_topics_code', ['code'], { unique: true })
export class CallTopic {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
