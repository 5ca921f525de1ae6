import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class MailOutbox1796003682232 implements MigrationInterface {
  name = 'MailOutbox1796003682232';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`mail_outbox\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`kind\` varchar(30) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`ticket_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`to_address\` varchar(254) NOT NULL, \`subject\` varchar(400) NOT NULL, \`body\` text NOT NULL, \`state\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`attempts\` smallint NOT NULL DEFAULT '0', \`round\` int NOT NULL DEFAULT '1', \`last_error\` varchar(1000) NULL, \`next_attempt_at\` datetime(3) NULL, \`sent_at\` datetime(3) NULL, \`message_id\` varchar(255) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`ix_mail_outbox_ticket\` (\`ticket_id\`), INDEX \`ix_mail_outbox_state\` (\`state\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`CREATE INDEX \`ix_tickets_policy\` ON \`tickets\` (\`policy_id\`, \`id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_tickets_policy\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_mail_outbox_state\` ON \`mail_outbox\``);
    await queryRunner.query(`DROP INDEX \`ix_mail_outbox_ticket\` ON \`mail_outbox\``);
    await queryRunner.query(`DROP TABLE \`mail_outbox\``);
  }
}
