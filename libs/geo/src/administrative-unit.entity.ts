import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UnitType } from '@hotline/contracts';
import { DateTimeColumn } from '@hotline/core';

/** The 135 commune-level units of Gia Lai since 1 July 2025 (110 xã, 25 phường), loaded by a migration. */
@Entity('administrative_units')
@Index('ix_units_remote', ['remoteArea'])
export class AdministrativeUnit {
  @PrimaryColumn({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  shortName: string;

  @Column({ type: 'varchar', length: 100 })
  nameAscii: string;

  @Column({ type: 'varchar', length: 10 })
  type: UnitType;

  @Column({ type: 'varchar', length: 5 })
  provinceCode: string;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  lat: number;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  lng: number;

  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  areaKm2: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  minLat: number;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  maxLat: number;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  minLng: number;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  maxLng: number;

  /** Rural, remote, ethnic-minority or especially difficult area (letter 659/UBND-KGVX): raises priority, shows in reports. */
  @Column({ type: 'boolean', default: false })
  remoteArea: boolean;

  @DateTimeColumn()
  updatedAt: Date;
}
