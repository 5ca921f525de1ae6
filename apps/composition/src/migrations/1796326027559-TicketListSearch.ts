import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ticket list: its order (newest received first) read along an index, and the FULLTEXT index of its subject search. */
export class TicketListSearch1796326027559 implements MigrationInterface {
  name = 'TicketListSearch1796326027559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FULLTEXT INDEX \`ft_tickets_subject\` ON \`tickets\` (\`subject\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_tickets_received\` ON \`tickets\` (\`received_at\`, \`id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_tickets_received\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ft_tickets_subject\` ON \`tickets\``);
  }
}
