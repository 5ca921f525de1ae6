import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, VersionColumn } from 'typeorm';
import { PostOffice } from '@hotline/geo';
import type { Role } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

@Entity('users')
@Index('ux_users_username', ['username'], { unique: true })
@Index('ux_users_extension', ['extension'], { unique: true })
@Index('ix_users_role_office', ['role', 'postOfficeId'])
export class User {
  @UuidPrimaryColumn()
  id: string;

  /** Stored lower-case; logins are case-insensitive. */
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 120 })
  fullName: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** Dispatchers belong to exactly one post office; other roles have none. */
  @UuidColumn({ nullable: true })
  postOfficeId: string | null;

  /** Database-level integrity only; identity reads offices through the geo context's service. */
  @ManyToOne(() => PostOffice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_office_id' })
  postOffice?: Relation<PostOffice>;

  /** PBX agent extension (calls context binds answered calls to it). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  extension: string | null;

  @DateTimeColumn({ nullable: true })
  disabledAt: Date | null;

  /** Set after an admin reset: the user is asked to choose a new password. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @DateTimeColumn({ nullable: true })
  lastLoginAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
