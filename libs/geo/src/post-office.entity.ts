import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, VersionColumn } from 'typeorm';
import { AdministrativeUnit } from './administrative-unit.entity';
import type { OpeningHours } from '@hotline/contracts';
import { DateTimeColumn, UuidPrimaryColumn } from '@hotline/core';

@Entity('post_offices')
@Index('ux_post_offices_code', ['code'], { unique: true })
@Index('ix_post_offices_commune', ['communeCode'])
@Index('ix_post_offices_active_lat_lng', ['active', 'lat', 'lng'])
export class PostOffice {
  @UuidPrimaryColumn()
  id: string;

  /** The post's own office code (e.g. 591000), unique. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  address: string;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  communeCode: string;

  @ManyToOne(() => AdministrativeUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code' })
  commune?: Relation<AdministrativeUnit>;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  lat: number;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  lng: number;

  /** E.164. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone: string | null;

  @Column({ type: 'json' })
  openingHours: OpeningHours;

  @Column({ type: 'int', unsigned: true })
  dailyCapacity: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Demo data (one office per commune at its centroid) — replace with the real list by CSV import. */
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
