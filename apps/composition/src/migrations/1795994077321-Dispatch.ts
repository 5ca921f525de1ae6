import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** BCCI requests, legs, offers to post offices, history, tariffs, promotions, remittances (dispatch context). */
export class Dispatch1795994077321 implements MigrationInterface {
  name = 'Dispatch1795994077321';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`bcci_assignments\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`leg_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`office_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`attempt\` int NOT NULL, \`state\` varchar(12) NOT NULL, \`distance_km\` decimal(9,3) NULL, \`deadline_at\` datetime(3) NULL, \`manual\` tinyint NOT NULL DEFAULT 0, \`responded_by_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`responded_at\` datetime(3) NULL, \`reason\` varchar(500) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_bcci_assignments_office_created\` (\`office_id\`, \`created_at\`), INDEX \`ix_bcci_assignments_state_deadline\` (\`state\`, \`deadline_at\`), INDEX \`ix_bcci_assignments_leg\` (\`leg_id\`, \`state\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bcci_code_sequences\` (\`day\` char(6) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`last\` int UNSIGNED NOT NULL, PRIMARY KEY (\`day\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bcci_leg_history\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`leg_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`at\` datetime(3) NOT NULL, \`actor_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`from_state\` varchar(20) NULL, \`to_state\` varchar(20) NOT NULL, \`reason\` varchar(500) NULL, \`data\` json NULL, INDEX \`ix_bcci_leg_history_leg\` (\`leg_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bcci_legs\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`request_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`kind\` varchar(10) NOT NULL, \`state\` varchar(20) NOT NULL, \`address_detail\` varchar(255) NOT NULL, \`commune_code\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`lat\` decimal(9,6) NULL, \`lng\` decimal(9,6) NULL, \`remote_area\` tinyint NOT NULL DEFAULT 0, \`window_from\` datetime(3) NULL, \`window_to\` datetime(3) NULL, \`route_type\` varchar(20) NOT NULL, \`base_postage\` bigint NOT NULL, \`discount\` bigint NOT NULL, \`postage\` bigint NOT NULL, \`promotion_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`promotion_name\` varchar(150) NULL, \`fee_expected\` bigint NOT NULL, \`fee_collected\` bigint NULL, \`remittance_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`office_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`routing_attempt\` int NOT NULL, \`route_after\` datetime(3) NULL, \`courier_name\` varchar(150) NULL, \`failed_attempts\` int NOT NULL DEFAULT '0', \`pickup_checklist\` json NULL, \`proof_of_delivery\` json NULL, \`delivered_at\` datetime(3) NULL, \`due_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_bcci_legs_office_state\` (\`office_id\`, \`state\`), INDEX \`ix_bcci_legs_state\` (\`state\`, \`updated_at\`), INDEX \`ix_bcci_legs_request\` (\`request_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bcci_promotions\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(150) NOT NULL, \`starts_on\` char(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`ends_on\` char(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`percent\` int NOT NULL, \`leg_kinds\` json NOT NULL, \`service_levels\` json NOT NULL, \`fields\` json NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bcci_remittances\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`office_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`reference\` varchar(60) NOT NULL, \`remitted_on\` char(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`amount\` bigint NOT NULL, \`created_by_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_bcci_remittances_office\` (\`office_id\`, \`remitted_on\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bcci_requests\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`code\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`option\` varchar(20) NOT NULL, \`dossier_code\` varchar(60) NOT NULL, \`procedure_name\` varchar(255) NOT NULL, \`field\` varchar(150) NOT NULL, \`agency\` varchar(200) NOT NULL, \`service_level\` varchar(12) NOT NULL, \`citizen_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`citizen_phone\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`contact_name\` varchar(150) NULL, \`call_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`fee_on_behalf\` bigint NOT NULL, \`notes\` text NULL, \`priority\` varchar(10) NOT NULL, \`remote_area\` tinyint NOT NULL DEFAULT 0, \`created_by_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_bcci_requests_created\` (\`created_at\`), INDEX \`ix_bcci_requests_citizen\` (\`citizen_id\`), UNIQUE INDEX \`ux_bcci_requests_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bcci_tariffs\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`leg_kind\` varchar(10) NOT NULL, \`route_type\` varchar(20) NOT NULL, \`price_vnd\` bigint NOT NULL, \`due_working_days\` int NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`ux_bcci_tariffs_kind_route\` (\`leg_kind\`, \`route_type\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ux_bcci_tariffs_kind_route\` ON \`bcci_tariffs\``);
    await queryRunner.query(`DROP TABLE \`bcci_tariffs\``);
    await queryRunner.query(`DROP INDEX \`ux_bcci_requests_code\` ON \`bcci_requests\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_requests_citizen\` ON \`bcci_requests\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_requests_created\` ON \`bcci_requests\``);
    await queryRunner.query(`DROP TABLE \`bcci_requests\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_remittances_office\` ON \`bcci_remittances\``);
    await queryRunner.query(`DROP TABLE \`bcci_remittances\``);
    await queryRunner.query(`DROP TABLE \`bcci_promotions\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_legs_request\` ON \`bcci_legs\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_legs_state\` ON \`bcci_legs\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_legs_office_state\` ON \`bcci_legs\``);
    await queryRunner.query(`DROP TABLE \`bcci_legs\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_leg_history_leg\` ON \`bcci_leg_history\``);
    await queryRunner.query(`DROP TABLE \`bcci_leg_history\``);
    await queryRunner.query(`DROP TABLE \`bcci_code_sequences\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_assignments_leg\` ON \`bcci_assignments\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_assignments_state_deadline\` ON \`bcci_assignments\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_assignments_office_created\` ON \`bcci_assignments\``);
    await queryRunner.query(`DROP TABLE \`bcci_assignments\``);
  }
}
