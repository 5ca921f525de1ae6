import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class DispatchRequestListIndexes1796002856739 implements MigrationInterface {
  name = 'DispatchRequestListIndexes1796002856739';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`ix_bcci_requests_dossier\` ON \`bcci_requests\` (\`dossier_code\`)`);
    await queryRunner.query(
      `CREATE INDEX \`ix_bcci_requests_phone\` ON \`bcci_requests\` (\`citizen_phone\`, \`created_at\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`ix_bcci_requests_creator\` ON \`bcci_requests\` (\`created_by_id\`, \`created_at\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_bcci_requests_creator\` ON \`bcci_requests\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_requests_phone\` ON \`bcci_requests\``);
    await queryRunner.query(`DROP INDEX \`ix_bcci_requests_dossier\` ON \`bcci_requests\``);
  }
}
