import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Feedback tickets, SLA policies, agencies, categories and the stored working calendars (libs/feedback, libs/sla). */
export class Feedback1795994145250 implements MigrationInterface {
  name = 'Feedback1795994145250';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`calendar_exceptions\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`calendar_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`date\` char(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`kind\` varchar(12) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`periods\` json NULL, \`name\` varchar(150) NULL, \`created_at\` datetime(3) NOT NULL, \`created_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, UNIQUE INDEX \`ux_calendar_exceptions_date\` (\`calendar_id\`, \`date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendars\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`code\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(150) NOT NULL, \`time_zone\` varchar(40) NOT NULL, \`time_zone_offset_minutes\` int NOT NULL, \`weekly\` json NOT NULL, \`make_up_day_periods\` json NULL, \`holiday_rules\` json NULL, \`is_default\` tinyint NOT NULL DEFAULT 0, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, UNIQUE INDEX \`ux_calendars_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`overdue_dossiers\` (\`ticket_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`agency_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`dossier_code\` varchar(60) NOT NULL, \`original_due_date\` char(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`apology_reason\` varchar(1000) NULL, \`apology_slip_date\` char(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`new_due_date\` char(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`new_date_set_at\` datetime(3) NULL, \`new_date_set_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, INDEX \`ix_overdue_dossiers_agency\` (\`agency_id\`), PRIMARY KEY (\`ticket_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`feedback_categories\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`code\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(150) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`ux_feedback_categories_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`agencies\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`code\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(200) NOT NULL, \`email\` varchar(120) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`ux_agencies_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sla_policies\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(150) NOT NULL, \`kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`category_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`priority\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`calendar_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`first_response_minutes\` decimal(12,3) NOT NULL, \`resolution_minutes\` decimal(12,3) NOT NULL, \`forward_minutes\` decimal(12,3) NULL, \`warn_percent\` smallint NOT NULL DEFAULT '75', \`pause_when_forwarded\` tinyint NOT NULL DEFAULT 0, \`escalation\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL DEFAULT 'none', \`active\` tinyint NOT NULL DEFAULT 1, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_sla_policies_match\` (\`active\`, \`kind\`, \`category_id\`, \`priority\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ticket_forwards\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`ticket_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`agency_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`forwarded_at\` datetime(3) NOT NULL, \`forwarded_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`note\` varchar(2000) NULL, \`answer\` text NULL, \`answered_at\` datetime(3) NULL, \`answer_recorded_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, INDEX \`ix_ticket_forwards_agency\` (\`agency_id\`, \`forwarded_at\`), INDEX \`ix_ticket_forwards_ticket\` (\`ticket_id\`, \`forwarded_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ticket_messages\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`ticket_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`kind\` varchar(15) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`body\` text NOT NULL, \`author_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_ticket_messages_ticket\` (\`ticket_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`tickets\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`code\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`kind\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`channel\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`status\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`priority\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`priority_raised_for_remote_area\` tinyint NOT NULL DEFAULT 0, \`queue\` varchar(12) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL DEFAULT 'operators', \`citizen_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`call_id\` varchar(64) NULL, \`subject\` varchar(200) NOT NULL, \`content\` text NOT NULL, \`category_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`commune_code\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`dossier_code\` varchar(60) NULL, \`bcci_request_id\` varchar(64) NULL, \`assignee_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`attachments\` json NOT NULL, \`policy_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`calendar_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`warn_percent\` smallint NOT NULL DEFAULT '75', \`pause_when_forwarded\` tinyint NOT NULL DEFAULT 0, \`escalation\` varchar(20) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL DEFAULT 'none', \`sla_clocks\` json NOT NULL, \`first_response_due_at\` datetime(3) NULL, \`first_response_state\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`resolution_due_at\` datetime(3) NULL, \`resolution_state\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`forward_due_at\` datetime(3) NULL, \`forward_state\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`next_timer_at\` datetime(3) NULL, \`sla_version\` int NOT NULL DEFAULT '1', \`received_at\` datetime(3) NOT NULL, \`first_response_at\` datetime(3) NULL, \`first_forwarded_at\` datetime(3) NULL, \`resolved_at\` datetime(3) NULL, \`closed_at\` datetime(3) NULL, \`csat_score\` tinyint NULL, \`csat_comment\` varchar(1000) NULL, \`csat_at\` datetime(3) NULL, \`created_by\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_tickets_resolution_due\` (\`resolution_due_at\`), INDEX \`ix_tickets_next_timer\` (\`next_timer_at\`), INDEX \`ix_tickets_citizen\` (\`citizen_id\`, \`received_at\`), INDEX \`ix_tickets_kind\` (\`kind\`, \`status\`), INDEX \`ix_tickets_queue\` (\`queue\`, \`status\`), INDEX \`ix_tickets_assignee\` (\`assignee_id\`, \`status\`), INDEX \`ix_tickets_status\` (\`status\`, \`received_at\`), UNIQUE INDEX \`ux_tickets_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ux_tickets_code\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_tickets_status\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_tickets_assignee\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_tickets_queue\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_tickets_kind\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_tickets_citizen\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_tickets_next_timer\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_tickets_resolution_due\` ON \`tickets\``);
    await queryRunner.query(`DROP TABLE \`tickets\``);
    await queryRunner.query(`DROP INDEX \`ix_ticket_messages_ticket\` ON \`ticket_messages\``);
    await queryRunner.query(`DROP TABLE \`ticket_messages\``);
    await queryRunner.query(`DROP INDEX \`ix_ticket_forwards_ticket\` ON \`ticket_forwards\``);
    await queryRunner.query(`DROP INDEX \`ix_ticket_forwards_agency\` ON \`ticket_forwards\``);
    await queryRunner.query(`DROP TABLE \`ticket_forwards\``);
    await queryRunner.query(`DROP INDEX \`ix_sla_policies_match\` ON \`sla_policies\``);
    await queryRunner.query(`DROP TABLE \`sla_policies\``);
    await queryRunner.query(`DROP INDEX \`ux_agencies_code\` ON \`agencies\``);
    await queryRunner.query(`DROP TABLE \`agencies\``);
    await queryRunner.query(`DROP INDEX \`ux_feedback_categories_code\` ON \`feedback_categories\``);
    await queryRunner.query(`DROP TABLE \`feedback_categories\``);
    await queryRunner.query(`DROP INDEX \`ix_overdue_dossiers_agency\` ON \`overdue_dossiers\``);
    await queryRunner.query(`DROP TABLE \`overdue_dossiers\``);
    await queryRunner.query(`DROP INDEX \`ux_calendars_code\` ON \`calendars\``);
    await queryRunner.query(`DROP TABLE \`calendars\``);
    await queryRunner.query(`DROP INDEX \`ux_calendar_exceptions_date\` ON \`calendar_exceptions\``);
    await queryRunner.query(`DROP TABLE \`calendar_exceptions\``);
  }
}
