import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from './columns';

/** Small key/value facts about this installation (e.g. which demo seed version ran), so seeding stays idempotent. */
@Entity('app_settings')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'json' })
  value: unknown;

  @DateTimeColumn()
  updatedAt: Date;
}
