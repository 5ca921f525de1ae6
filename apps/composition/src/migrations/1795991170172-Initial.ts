import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1795991170172 implements MigrationInterface {
  name = 'Initial1795991170172';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`administrative_units\` (\`code\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`name\` varchar(100) NOT NULL, \`short_name\` varchar(100) NOT NULL, \`name_ascii\` varchar(100) NOT NULL, \`type\` varchar(10) NOT NULL, \`province_code\` varchar(5) NOT NULL, \`lat\` decimal(9,6) NOT NULL, \`lng\` decimal(9,6) NOT NULL, \`area_km2\` decimal(10,2) NULL, \`min_lat\` decimal(9,6) NOT NULL, \`max_lat\` decimal(9,6) NOT NULL, \`min_lng\` decimal(9,6) NOT NULL, \`max_lng\` decimal(9,6) NOT NULL, \`remote_area\` tinyint NOT NULL DEFAULT 0, \`updated_at\` datetime(3) NOT NULL, INDEX \`ix_units_remote\` (\`remote_area\`), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`post_offices\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`code\` varchar(20) NOT NULL, \`name\` varchar(150) NOT NULL, \`address\` varchar(255) NOT NULL, \`commune_code\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`lat\` decimal(9,6) NOT NULL, \`lng\` decimal(9,6) NOT NULL, \`phone\` varchar(16) NULL, \`opening_hours\` json NOT NULL, \`daily_capacity\` int UNSIGNED NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`is_demo\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_post_offices_active_lat_lng\` (\`active\`, \`lat\`, \`lng\`), INDEX \`ix_post_offices_commune\` (\`commune_code\`), UNIQUE INDEX \`ux_post_offices_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`users\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`username\` varchar(64) NOT NULL, \`full_name\` varchar(120) NOT NULL, \`password_hash\` varchar(200) NOT NULL, \`role\` varchar(20) NOT NULL, \`post_office_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`extension\` varchar(20) NULL, \`disabled_at\` datetime(3) NULL, \`must_change_password\` tinyint NOT NULL DEFAULT 0, \`last_login_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_users_role_office\` (\`role\`, \`post_office_id\`), UNIQUE INDEX \`ux_users_extension\` (\`extension\`), UNIQUE INDEX \`ux_users_username\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`auth_sessions\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`user_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`created_at\` datetime(3) NOT NULL, \`last_refreshed_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, \`revoked_reason\` varchar(40) NULL, \`ip\` varchar(64) NULL, \`user_agent\` varchar(200) NULL, INDEX \`ix_auth_sessions_user\` (\`user_id\`, \`revoked_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refresh_tokens\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`session_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`token_hash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`created_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`used_at\` datetime(3) NULL, INDEX \`ix_refresh_tokens_expires\` (\`expires_at\`), INDEX \`ix_refresh_tokens_session\` (\`session_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`post_office_service_areas\` (\`post_office_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`commune_code\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, INDEX \`ix_service_areas_commune\` (\`commune_code\`, \`post_office_id\`), PRIMARY KEY (\`post_office_id\`, \`commune_code\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_log\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`at\` datetime(3) NOT NULL, \`actor_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`entity_type\` varchar(40) NOT NULL, \`entity_id\` varchar(64) NOT NULL, \`action\` varchar(60) NOT NULL, \`from_state\` varchar(60) NULL, \`to_state\` varchar(60) NULL, \`reason\` varchar(500) NULL, \`data\` json NULL, INDEX \`ix_audit_actor\` (\`actor_id\`, \`at\`), INDEX \`ix_audit_entity\` (\`entity_type\`, \`entity_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`app_settings\` (\`key\` varchar(100) NOT NULL, \`value\` json NOT NULL, \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`post_offices\` ADD CONSTRAINT \`FK_096644b11303fbf4d39e39b6719\` FOREIGN KEY (\`commune_code\`) REFERENCES \`administrative_units\`(\`code\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`users\` ADD CONSTRAINT \`FK_c97b26a8c5af6487ee359c81c79\` FOREIGN KEY (\`post_office_id\`) REFERENCES \`post_offices\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`auth_sessions\` ADD CONSTRAINT \`FK_50ccaa6440288a06f0ba693ccc6\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`refresh_tokens\` ADD CONSTRAINT \`FK_3bf308fa93da3966f9e76fcfba4\` FOREIGN KEY (\`session_id\`) REFERENCES \`auth_sessions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`post_office_service_areas\` ADD CONSTRAINT \`FK_7d15e2f5d2dc86a691a9351d199\` FOREIGN KEY (\`post_office_id\`) REFERENCES \`post_offices\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`post_office_service_areas\` ADD CONSTRAINT \`FK_590c7e480f9c207718586869fca\` FOREIGN KEY (\`commune_code\`) REFERENCES \`administrative_units\`(\`code\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`post_office_service_areas\` DROP FOREIGN KEY \`FK_590c7e480f9c207718586869fca\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`post_office_service_areas\` DROP FOREIGN KEY \`FK_7d15e2f5d2dc86a691a9351d199\``,
    );
    await queryRunner.query(`ALTER TABLE \`refresh_tokens\` DROP FOREIGN KEY \`FK_3bf308fa93da3966f9e76fcfba4\``);
    await queryRunner.query(`ALTER TABLE \`auth_sessions\` DROP FOREIGN KEY \`FK_50ccaa6440288a06f0ba693ccc6\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP FOREIGN KEY \`FK_c97b26a8c5af6487ee359c81c79\``);
    await queryRunner.query(`ALTER TABLE \`post_offices\` DROP FOREIGN KEY \`FK_096644b11303fbf4d39e39b6719\``);
    await queryRunner.query(`DROP TABLE \`app_settings\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_entity\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_actor\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`ix_service_areas_commune\` ON \`post_office_service_areas\``);
    await queryRunner.query(`DROP TABLE \`post_office_service_areas\``);
    await queryRunner.query(`DROP INDEX \`ix_refresh_tokens_session\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_refresh_tokens_expires\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP TABLE \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_auth_sessions_user\` ON \`auth_sessions\``);
    await queryRunner.query(`DROP TABLE \`auth_sessions\``);
    await queryRunner.query(`DROP INDEX \`ux_users_username\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`ux_users_extension\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`ix_users_role_office\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP INDEX \`ux_post_offices_code\` ON \`post_offices\``);
    await queryRunner.query(`DROP INDEX \`ix_post_offices_commune\` ON \`post_offices\``);
    await queryRunner.query(`DROP INDEX \`ix_post_offices_active_lat_lng\` ON \`post_offices\``);
    await queryRunner.query(`DROP TABLE \`post_offices\``);
    await queryRunner.query(`DROP INDEX \`ix_units_remote\` ON \`administrative_units\``);
    await queryRunner.query(`DROP TABLE \`administrative_units\``);
  }
}
