import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One history mechanism: a leg's state changes move from `bcci_leg_history` to `audit_log` (entity_type 'bcci_leg',
 * action 'state_changed'), where every other context writes its history. Written by hand: the generator does not drop a
 * table that no entity declares, and a data copy is never generated. The ids are kept (uuidv7 both), so the copy is
 * idempotent and reversible.
 */
export class LegHistoryInAuditLog1796310163929 implements MigrationInterface {
  name = 'LegHistoryInAuditLog1796310163929';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO \`audit_log\` (\`id\`, \`at\`, \`actor_id\`, \`entity_type\`, \`entity_id\`, \`action\`, \`from_state\`, \`to_state\`, \`reason\`, \`data\`)
       SELECT h.\`id\`, h.\`at\`, h.\`actor_id\`, 'bcci_leg', h.\`leg_id\`, 'state_changed', h.\`from_state\`, h.\`to_state\`, h.\`reason\`, h.\`data\`
         FROM \`bcci_leg_history\` h
        WHERE NOT EXISTS (SELECT 1 FROM \`audit_log\` a WHERE a.\`id\` = h.\`id\`)`,
    );
    await queryRunner.query(`DROP INDEX \`ix_bcci_leg_history_leg\` ON \`bcci_leg_history\``);
    await queryRunner.query(`DROP TABLE \`bcci_leg_history\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`bcci_leg_history\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`leg_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`at\` datetime(3) NOT NULL, \`actor_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`from_state\` varchar(20) NULL, \`to_state\` varchar(20) NOT NULL, \`reason\` varchar(500) NULL, \`data\` json NULL, INDEX \`ix_bcci_leg_history_leg\` (\`leg_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `INSERT INTO \`bcci_leg_history\` (\`id\`, \`leg_id\`, \`at\`, \`actor_id\`, \`from_state\`, \`to_state\`, \`reason\`, \`data\`)
       SELECT \`id\`, \`entity_id\`, \`at\`, \`actor_id\`, \`from_state\`, \`to_state\`, \`reason\`, \`data\`
         FROM \`audit_log\` WHERE \`entity_type\` = 'bcci_leg' AND \`to_state\` IS NOT NULL`,
    );
    await queryRunner.query(`DELETE FROM \`audit_log\` WHERE \`entity_type\` = 'bcci_leg'`);
  }
}
