import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Citizens1795993457128 implements MigrationInterface {
  name = 'Citizens1795993457128';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`citizens\` (\`id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`full_name\` varchar(150) NULL, \`kind\` varchar(10) NOT NULL, \`id_number\` varchar(20) NULL, \`address_detail\` varchar(255) NULL, \`commune_code\` varchar(10) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NULL, \`email\` varchar(120) NULL, \`notes\` text NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`ix_citizens_name\` (\`full_name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`citizen_phones\` (\`phone\` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`citizen_id\` char(36) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`is_primary\` tinyint NOT NULL DEFAULT 0, \`label\` varchar(40) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`ix_citizen_phones_citizen\` (\`citizen_id\`), PRIMARY KEY (\`phone\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`citizens\` ADD CONSTRAINT \`FK_0352d2d7b1ef3f4fb3e38a07573\` FOREIGN KEY (\`commune_code\`) REFERENCES \`administrative_units\`(\`code\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`citizen_phones\` ADD CONSTRAINT \`FK_6af2edf67d82b70ec106afef95c\` FOREIGN KEY (\`citizen_id\`) REFERENCES \`citizens\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`citizen_phones\` DROP FOREIGN KEY \`FK_6af2edf67d82b70ec106afef95c\``);
    await queryRunner.query(`ALTER TABLE \`citizens\` DROP FOREIGN KEY \`FK_0352d2d7b1ef3f4fb3e38a07573\``);
    await queryRunner.query(`DROP INDEX \`ix_citizen_phones_citizen\` ON \`citizen_phones\``);
    await queryRunner.query(`DROP TABLE \`citizen_phones\``);
    await queryRunner.query(`DROP INDEX \`ix_citizens_name\` ON \`citizens\``);
    await queryRunner.query(`DROP TABLE \`citizens\``);
  }
}
