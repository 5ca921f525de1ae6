import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Reference data of the calls context: the managed list of call topics (admins add/rename/deactivate later).
 * Fixed ids so that every environment (and the tests) agree on them.
 */
const TOPICS: Array<[id: string, code: string, name: string]> = [
  ['019a0000-0000-7000-8000-000000000001', 'dvctt', 'Hướng dẫn DVCTT (dịch vụ công trực tuyến)'],
  ['019a0000-0000-7000-8000-000000000002', 'bcci', 'BCCI (bưu chính công ích: nộp hồ sơ / nhận kết quả)'],
  ['019a0000-0000-7000-8000-000000000003', 'feedback', 'Phản ánh, kiến nghị'],
  ['019a0000-0000-7000-8000-000000000004', 'dossier_status', 'Tra cứu hồ sơ'],
  ['019a0000-0000-7000-8000-000000000005', 'overdue', 'Hồ sơ trễ hạn'],
  ['019a0000-0000-7000-8000-000000000006', 'fees', 'Phí, lệ phí, cước'],
  ['019a0000-0000-7000-8000-000000000007', 'procedure_info', 'Hỏi đáp thủ tục hành chính'],
  ['019a0000-0000-7000-8000-000000000008', 'other', 'Khác'],
];

export class SeedCallTopics1795994049061 implements MigrationInterface {
  name = 'SeedCallTopics1795994049061';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date();
    for (const [i, [id, code, name]] of TOPICS.entries()) {
      await queryRunner.query(
        'INSERT INTO `call_topics` (`id`, `code`, `name`, `active`, `sort_order`, `created_at`, `updated_at`) VALUES (?, ?, ?, 1, ?, ?, ?)',
        [id, code, name, (i + 1) * 10, now, now],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM \`call_topics\` WHERE \`id\` IN (${TOPICS.map(() => '?').join(', ')})`,
      TOPICS.map((t) => t[0]),
    );
  }
}
