import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, VersionColumn } from 'typeorm';
import { DateTimeColumn, UuidPrimaryColumn } from '@hotline/core';
import { AdministrativeUnit } from '@hotline/geo';

/** A citizen or organisation who contacts the hotline, keyed by normalised phone numbers (citizen_phones). */
@Entity('citizens')
@Index('ix_citizens_name', ['fullName'])
export class Citizen {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 150, nullable: true })
  fullName: string | null;

  /** 12: 'organisation' did not fit the first migration's varchar(10) (fixed in the Calls migration). */
  @Column({ type: 'varchar', length: 12 })
  kind: 'person' | 'organisation';

  /** CCCD/CMND for a person, tax number (MST) for an organisation. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  idNumber: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  addressDetail: string | null;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  communeCode: string | null;

  @ManyToOne(() => AdministrativeUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code' })
  commune?: Relation<AdministrativeUnit>;

  @Column({ type: 'varchar', length: 120, nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
