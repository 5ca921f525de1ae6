import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { User } from './user.entity';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/**
 * One login = one session = one family of rotating refresh tokens. Access tokens carry the session id, so
 * logging out (or disabling the user) refuses them at once, not when they expire.
 */
@Entity('auth_sessions')
@Index('ix_auth_sessions_user', ['userId', 'revokedAt'])
export class AuthSession {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  lastRefreshedAt: Date;

  @DateTimeColumn()
  expiresAt: Date;

  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  userAgent: string | null;
}
