import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidPrimaryColumn } from '@hotline/core';

/** A PBX allowed to post CTI events. Only the SHA-256 of its token is stored. */
@Entity('pbx_tokens')
@Index('ux_pbx_tokens_name', ['name'], { unique: true })
@Index('ux_pbx_tokens_hash', ['tokenHash'], { unique: true })
export class PbxToken {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_general_ci' })
  name: string;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** When set, outbound `newCall` events are answered with Zammad's `dial` action using this caller id. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  outboundCallerId: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
