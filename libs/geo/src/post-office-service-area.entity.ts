import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AdministrativeUnit } from './administrative-unit.entity';
import { PostOffice } from './post-office.entity';

/** The communes an office serves. A commune may be served by several offices (routing picks the nearest eligible one). */
@Entity('post_office_service_areas')
@Index('ix_service_areas_commune', ['communeCode', 'postOfficeId'])
export class PostOfficeServiceArea {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci' })
  postOfficeId: string;

  @PrimaryColumn({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  communeCode: string;

  @ManyToOne(() => PostOffice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_office_id' })
  postOffice?: Relation<PostOffice>;

  @ManyToOne(() => AdministrativeUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code' })
  commune?: Relation<AdministrativeUnit>;
}
