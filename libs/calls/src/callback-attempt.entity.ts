import { Column, Entity, Index } from 'typeorm';
import type { CallbackAttemptView } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

@Entity('callback_attempts')
@Index('ix_callback_attempts_callback', ['callbackId', 'at'])
export class CallbackAttempt {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  callbackId: string;

  @UuidColumn()
  operatorId: string;

  @DateTimeColumn()
  at: Date;

  @Column({ type: 'varchar', length: 16 })
  result: CallbackAttemptView['result'];

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @UuidColumn({ nullable: true })
  callId: string | null;
}
