import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Stable ids so that the seed can be recognised (and reverted) whatever the database. */
const PROMOTION_ID = '019a0000-0000-7000-8000-00000000d659';
const TARIFFS: Array<[string, string, string, number, number]> = [
  // id, leg kind, route type, price (integer VND), J+n working days (Circular 17/2017 art. 7)
  ['019a0000-0000-7000-8000-00000000d101', 'pickup', 'intra_area', 20000, 1],
  ['019a0000-0000-7000-8000-00000000d102', 'pickup', 'intra_province', 25000, 2],
  ['019a0000-0000-7000-8000-00000000d103', 'pickup', 'inter_province', 35000, 4],
  ['019a0000-0000-7000-8000-00000000d201', 'return', 'intra_area', 20000, 1],
  ['019a0000-0000-7000-8000-00000000d202', 'return', 'intra_province', 25000, 2],
  ['019a0000-0000-7000-8000-00000000d203', 'return', 'inter_province', 35000, 4],
];

/**
 * Reference data of the dispatch context (admin-editable afterwards): a default BCCI tariff per leg kind and route type
 * (prices are placeholders for the post's real price list; delivery times follow Circular 17/2017), and the promotion of
 * letter 659/UBND-KGVX: 30 % off the return-result leg for dossiers filed at DVCTT level 3 or 4 (and the Decree 42/2022
 * names of those levels) or in the field "Đăng ký giao dịch bảo đảm", from 23/3/2020 to 30/5/2020 inclusive, Vietnam time.
 */
export class SeedBcciPricing1795994077322 implements MigrationInterface {
  name = 'SeedBcciPricing1795994077322';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date();
    for (const [id, legKind, routeType, price, days] of TARIFFS) {
      await queryRunner.query(
        'INSERT INTO `bcci_tariffs` (`id`, `leg_kind`, `route_type`, `price_vnd`, `due_working_days`, `active`, `updated_at`) VALUES (?, ?, ?, ?, ?, 1, ?)',
        [id, legKind, routeType, price, days, now],
      );
    }
    await queryRunner.query(
      'INSERT INTO `bcci_promotions` (`id`, `name`, `starts_on`, `ends_on`, `percent`, `leg_kinds`, `service_levels`, `fields`, `active`, `updated_at`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
      [
        PROMOTION_ID,
        'Giảm 30% cước chuyển trả kết quả – CV 659/UBND-KGVX',
        '2020-03-23',
        '2020-05-30',
        30,
        JSON.stringify(['return']),
        JSON.stringify(['3', '4', 'toan_trinh', 'mot_phan']),
        JSON.stringify(['Đăng ký giao dịch bảo đảm']),
        now,
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM `bcci_promotions` WHERE `id` = ?', [PROMOTION_ID]);
    await queryRunner.query(
      `DELETE FROM \`bcci_tariffs\` WHERE \`id\` IN (${TARIFFS.map(() => '?').join(', ')})`,
      TARIFFS.map((t) => t[0]),
    );
  }
}
