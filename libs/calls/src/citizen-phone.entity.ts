import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { DateTimeColumn, UuidColumn } from '@hotline/core';
import { Citizen } from './citizen.entity';

/** One E.164 number belongs to one citizen; a citizen may have several (the first is primary). */
@Entity('citizen_phones')
@Index('ix_citizen_phones_citizen', ['citizenId'])
export class CitizenPhone {
  @PrimaryColumn({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  phone: string;

  @UuidColumn()
  citizenId: string;

  @ManyToOne(() => Citizen, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Relation<Citizen>;

  @Column({ type: 'boolean', default: false })
  isPrimary: boolean;

  @Column({ type: 'varchar', length: 40, nullable: true })
  label: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
