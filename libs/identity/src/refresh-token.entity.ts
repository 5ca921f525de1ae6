import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { AuthSession } from './auth-session.entity';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/** A refresh token is `<id>.<secret>`; only sha256(secret) is stored. Used once: presenting it again revokes the session. */
@Entity('refresh_tokens')
@Index('ix_refresh_tokens_session', ['sessionId'])
@Index('ix_refresh_tokens_expires', ['expiresAt'])
export class RefreshToken {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  sessionId: string;

  @ManyToOne(() => AuthSession, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<AuthSession>;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash: string;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  expiresAt: Date;

  @DateTimeColumn({ nullable: true })
  usedAt: Date | null;
}
