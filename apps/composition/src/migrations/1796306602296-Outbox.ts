import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796306602296 implements MigrationInterface {
  name = 'Outbox1796306602296';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`outbox\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`effects\` json NOT NULL, \`created_at\` datetime(3) NOT NULL, \`available_at\` datetime(3) NOT NULL, \`attempts\` smallint NOT NULL DEFAULT '0', \`last_error\` varchar(500) NULL, INDEX \`ix_outbox_available\` (\`available_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_outbox_available\` ON \`outbox\``);
    await queryRunner.query(`DROP TABLE \`outbox\``);
  }
}
