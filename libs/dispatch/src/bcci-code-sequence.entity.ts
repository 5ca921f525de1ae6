import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Daily counter behind the request codes BC-YYMMDD-NNNNNN (local date), bumped atomically with LAST_INSERT_ID(). */
@Entity('bcci_code_sequences')
export class BcciCodeSequence {
  @PrimaryColumn({ type: 'char', length: 6, charset: 'ascii', collation: 'ascii_general_ci' })
  day: string;

  @Column({ type: 'int', unsigned: true })
  last: number;
}
