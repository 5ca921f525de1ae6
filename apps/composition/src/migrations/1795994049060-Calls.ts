import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Calls1795994049060 implements MigrationInterface {
  name = 'Calls1795994049060';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written (the generator would drop and re-add the column): 'organisation' is 12 characters.
    await queryRunner.query(`ALTER TABLE \`citizens\` MODIFY \`kind\` varchar(12) NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE \`blocked_numbers\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`phone\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`reason\` varchar(255) NULL, \`created_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`ux_blocked_numbers_phone\` (\`phone\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`call_topics\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`code\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(120) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`sort_order\` int NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`ux_call_topics_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calls\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`direction\` varchar(8) NOT NULL, \`channel\` varchar(8) NOT NULL, \`state\` varchar(8) NOT NULL, \`phone\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`withheld\` tinyint NOT NULL DEFAULT 0, \`line\` varchar(40) NULL, \`queue\` varchar(60) NULL, \`citizen_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`operator_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`extension\` varchar(20) NULL, \`pbx\` varchar(40) NULL, \`external_id\` varchar(120) NULL, \`started_at\` datetime(3) NOT NULL, \`answered_at\` datetime(3) NULL, \`ended_at\` datetime(3) NULL, \`wait_seconds\` int NULL, \`talk_seconds\` int NULL, \`topic_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`notes\` text NULL, \`outcome\` varchar(20) NULL, \`hangup_cause\` varchar(20) NULL, \`request_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`ticket_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`created_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_calls_state_started\` (\`state\`, \`started_at\`), INDEX \`ix_calls_topic_started\` (\`topic_id\`, \`started_at\`, \`id\`), INDEX \`ix_calls_outcome_started\` (\`outcome\`, \`started_at\`, \`id\`), INDEX \`ix_calls_citizen_started\` (\`citizen_id\`, \`started_at\`, \`id\`), INDEX \`ix_calls_phone_started\` (\`phone\`, \`started_at\`, \`id\`), INDEX \`ix_calls_operator_started\` (\`operator_id\`, \`started_at\`, \`id\`), INDEX \`ix_calls_started\` (\`started_at\`, \`id\`), UNIQUE INDEX \`ux_calls_pbx_external\` (\`pbx\`, \`external_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`callback_attempts\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`callback_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`operator_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`at\` datetime(3) NOT NULL, \`result\` varchar(16) NOT NULL, \`note\` varchar(500) NULL, \`call_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, INDEX \`ix_callback_attempts_callback\` (\`callback_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`callbacks\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`phone\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`open_phone\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NULL, \`citizen_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`state\` varchar(10) NOT NULL, \`source_call_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`missed_count\` int NOT NULL DEFAULT '1', \`assignee_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`attempts\` int NOT NULL DEFAULT '0', \`last_attempt_at\` datetime(3) NULL, \`closed_call_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`closed_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_callbacks_phone\` (\`phone\`, \`created_at\`), INDEX \`ix_callbacks_state_created\` (\`state\`, \`created_at\`), UNIQUE INDEX \`ux_callbacks_open_phone\` (\`open_phone\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`operator_states\` (\`user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`status\` varchar(10) NOT NULL, \`since\` datetime(3) NOT NULL, \`reason\` varchar(60) NULL, \`disconnected_at\` datetime(3) NULL, \`version\` int NOT NULL, PRIMARY KEY (\`user_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`operator_status_periods\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`status\` varchar(10) NOT NULL, \`started_at\` datetime(3) NOT NULL, \`ended_at\` datetime(3) NOT NULL, \`duration_seconds\` int NOT NULL, \`end_reason\` varchar(60) NULL, INDEX \`ix_operator_status_periods_started\` (\`started_at\`), INDEX \`ix_operator_status_periods_user\` (\`user_id\`, \`started_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`pbx_tokens\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`token_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`outbound_caller_id\` varchar(32) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`ux_pbx_tokens_hash\` (\`token_hash\`), UNIQUE INDEX \`ux_pbx_tokens_name\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`citizens\` MODIFY \`kind\` varchar(10) NOT NULL`);
    await queryRunner.query(`DROP INDEX \`ux_pbx_tokens_name\` ON \`pbx_tokens\``);
    await queryRunner.query(`DROP INDEX \`ux_pbx_tokens_hash\` ON \`pbx_tokens\``);
    await queryRunner.query(`DROP TABLE \`pbx_tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_operator_status_periods_user\` ON \`operator_status_periods\``);
    await queryRunner.query(`DROP INDEX \`ix_operator_status_periods_started\` ON \`operator_status_periods\``);
    await queryRunner.query(`DROP TABLE \`operator_status_periods\``);
    await queryRunner.query(`DROP TABLE \`operator_states\``);
    await queryRunner.query(`DROP INDEX \`ux_callbacks_open_phone\` ON \`callbacks\``);
    await queryRunner.query(`DROP INDEX \`ix_callbacks_state_created\` ON \`callbacks\``);
    await queryRunner.query(`DROP INDEX \`ix_callbacks_phone\` ON \`callbacks\``);
    await queryRunner.query(`DROP TABLE \`callbacks\``);
    await queryRunner.query(`DROP INDEX \`ix_callback_attempts_callback\` ON \`callback_attempts\``);
    await queryRunner.query(`DROP TABLE \`callback_attempts\``);
    await queryRunner.query(`DROP INDEX \`ux_calls_pbx_external\` ON \`calls\``);
    await queryRunner.query(`DROP INDEX \`ix_calls_started\` ON \`calls\``);
    await queryRunner.query(`DROP INDEX \`ix_calls_operator_started\` ON \`calls\``);
    await queryRunner.query(`DROP INDEX \`ix_calls_phone_started\` ON \`calls\``);
    await queryRunner.query(`DROP INDEX \`ix_calls_citizen_started\` ON \`calls\``);
    await queryRunner.query(`DROP INDEX \`ix_calls_outcome_started\` ON \`calls\``);
    await queryRunner.query(`DROP INDEX \`ix_calls_topic_started\` ON \`calls\``);
    await queryRunner.query(`DROP INDEX \`ix_calls_state_started\` ON \`calls\``);
    await queryRunner.query(`DROP TABLE \`calls\``);
    await queryRunner.query(`DROP INDEX \`ux_call_topics_code\` ON \`call_topics\``);
    await queryRunner.query(`DROP TABLE \`call_topics\``);
    await queryRunner.query(`DROP INDEX \`ux_blocked_numbers_phone\` ON \`blocked_numbers\``);
    await queryRunner.query(`DROP TABLE \`blocked_numbers\``);
  }
}
