import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns';
import type { Effect } from './effects';

/**
 * The transactional outbox: what one unit of work decided to do outside MySQL (enqueue or cancel jobs, tell screens, close
 * sockets), written in the same transaction as its rows. The relay carries it out after the commit and deletes the row;
 * a row still here after `available_at` (the process died, Redis was down) is carried out by the poller. At least once.
 */
@Entity('outbox')
@Index('ix_outbox_available', ['availableAt'])
export class OutboxRecord {
  /** uuidv7: time-ordered, so the poller relays in commit order. */
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci' })
  id: string;

  @Column({ type: 'json' })
  effects: Effect[];

  @DateTimeColumn()
  createdAt: Date;

  /** When the poller may take it: a little after the commit (the fast path relays at once), later after each failure. */
  @DateTimeColumn()
  availableAt: Date;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}
