import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Reference data of the feedback/SLA context (hand-written): the Gia Lai working calendar with the 2026 Tết closure of the
 * provincial Public Administration Service Center (14–22/2/2026) as dated exceptions, a 24/7 calendar, ticket categories,
 * a few competent agencies (contact emails to be confirmed by the admin), and the default SLA policies
 * (first response 4 working hours, resolution 5 working days, forward ≤ 5 working days — Decree 20/2008 art. 9).
 */
const GIA_LAI = '019ad0a0-0000-7000-8000-000000000001';
const ALWAYS_OPEN = '019ad0a0-0000-7000-8000-000000000002';
const HOURS = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
const RULES = {
  preset: 'vn-labour-code-2019',
  tetDays: 5,
  tetDaysBeforeNewYear: 1,
  nationalDayAdjacent: 'auto',
  substituteOnRestDay: true,
};
const ALL_DAY = [{ start: '00:00', end: '24:00' }];

const CATEGORIES: Array<[string, string]> = [
  ['dich-vu-cong-truc-tuyen', 'Dịch vụ công trực tuyến (toàn trình / một phần)'],
  ['buu-chinh-cong-ich', 'Bưu chính công ích (nộp hồ sơ, trả kết quả)'],
  ['dat-dai', 'Đất đai'],
  ['ho-tich', 'Hộ tịch'],
  ['tu-phap', 'Tư pháp, lý lịch tư pháp'],
  ['dang-ky-giao-dich-bao-dam', 'Đăng ký giao dịch bảo đảm'],
  ['dang-ky-kinh-doanh', 'Đăng ký kinh doanh'],
  ['xay-dung', 'Xây dựng, cấp phép xây dựng'],
  ['giao-thong-van-tai', 'Giao thông vận tải, giấy phép lái xe'],
  ['bao-hiem-xa-hoi', 'Bảo hiểm xã hội, bảo hiểm y tế'],
  ['khac', 'Khác'],
];

const AGENCIES: Array<[string, string, string]> = [
  ['ttphcc', 'Trung tâm Phục vụ hành chính công tỉnh Gia Lai', 'ttphcc@gialai.gov.vn'],
  ['so-tu-phap', 'Sở Tư pháp tỉnh Gia Lai', 'stp@gialai.gov.vn'],
  ['so-xay-dung', 'Sở Xây dựng tỉnh Gia Lai', 'sxd@gialai.gov.vn'],
  ['so-nong-nghiep-moi-truong', 'Sở Nông nghiệp và Môi trường tỉnh Gia Lai', 'snnmt@gialai.gov.vn'],
  ['so-tai-chinh', 'Sở Tài chính tỉnh Gia Lai', 'stc@gialai.gov.vn'],
  ['cong-an-tinh', 'Công an tỉnh Gia Lai', 'congan@gialai.gov.vn'],
  ['buu-dien-tinh', 'Bưu điện tỉnh Gia Lai', 'buudiengialai@vnpost.vn'],
];

// id suffix, name, kind, priority, first response, resolution, forward (business minutes; a working day is 480), pause when forwarded, escalation
const POLICIES: Array<[string, string, string | null, string | null, number, number, number | null, boolean, string]> =
  [
    [
      '01',
      'Mặc định: phản hồi 4 giờ làm việc, giải quyết 5 ngày làm việc',
      null,
      null,
      240,
      2400,
      2400,
      false,
      'raise_priority',
    ],
    [
      '02',
      'Hỏi đáp: phản hồi 2 giờ, trả lời trong 1 ngày làm việc',
      'question',
      null,
      120,
      480,
      null,
      false,
      'raise_priority',
    ],
    [
      '03',
      'Khiếu nại bưu chính: giải quyết ≤ 5 ngày làm việc (TT 17/2017 điều 8)',
      'postal_complaint',
      null,
      240,
      2400,
      null,
      false,
      'supervisor_queue',
    ],
    [
      '04',
      'Hồ sơ trễ hạn: phản hồi 2 giờ, giải quyết 3 ngày, dừng đồng hồ khi đã chuyển',
      'overdue_dossier',
      null,
      120,
      1440,
      2400,
      true,
      'supervisor_queue',
    ],
    [
      '05',
      'Khẩn cấp: phản hồi 1 giờ, giải quyết 2 ngày làm việc',
      null,
      'urgent',
      60,
      960,
      2400,
      false,
      'supervisor_queue',
    ],
    [
      '06',
      'Ưu tiên cao: phản hồi 2 giờ, giải quyết 3 ngày làm việc',
      null,
      'high',
      120,
      1440,
      2400,
      false,
      'raise_priority',
    ],
  ];

export class SeedFeedback1795994145251 implements MigrationInterface {
  name = 'SeedFeedback1795994145251';

  public async up(q: QueryRunner): Promise<void> {
    const now = new Date();
    const weekly = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, HOURS]));
    await q.query(
      'INSERT INTO `calendars` (`id`, `code`, `name`, `time_zone`, `time_zone_offset_minutes`, `weekly`, `make_up_day_periods`, `holiday_rules`, `is_default`, `updated_at`, `version`) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 1, ?, 1), (?, ?, ?, ?, ?, ?, NULL, NULL, 0, ?, 1)',
      [
        GIA_LAI,
        'gia-lai',
        'Giờ hành chính tỉnh Gia Lai (T2–T6, 07:00–11:30, 13:30–17:00)',
        'Asia/Ho_Chi_Minh',
        420,
        JSON.stringify(weekly),
        JSON.stringify(RULES),
        now,
        ALWAYS_OPEN,
        'always-open',
        'Liên tục 24/7 (không nghỉ lễ)',
        'Asia/Ho_Chi_Minh',
        420,
        JSON.stringify(Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, ALL_DAY]))),
        now,
      ],
    );
    // Gia Lai's center closed 14/2–22/2/2026 for Tết Bính Ngọ (government decision, wider than the 5 computed days).
    for (let day = 14; day <= 22; day++) {
      await q.query(
        'INSERT INTO `calendar_exceptions` (`id`, `calendar_id`, `date`, `kind`, `periods`, `name`, `created_at`, `created_by`) VALUES (?, ?, ?, ?, NULL, ?, ?, NULL)',
        [
          `019ad0a0-0001-7000-8000-0000000000${String(day).padStart(2, '0')}`,
          GIA_LAI,
          `2026-02-${day}`,
          'day_off',
          'Nghỉ Tết Bính Ngọ 2026 (Trung tâm PVHCC tỉnh đóng cửa 14–22/2)',
          now,
        ],
      );
    }
    for (const [i, [code, name]] of CATEGORIES.entries()) {
      await q.query(
        'INSERT INTO `feedback_categories` (`id`, `code`, `name`, `active`, `updated_at`) VALUES (?, ?, ?, 1, ?)',
        [`019ad0a0-0002-7000-8000-0000000000${String(i + 10)}`, code, name, now],
      );
    }
    for (const [i, [code, name, email]] of AGENCIES.entries()) {
      await q.query(
        'INSERT INTO `agencies` (`id`, `code`, `name`, `email`, `active`, `updated_at`) VALUES (?, ?, ?, ?, 1, ?)',
        [`019ad0a0-0003-7000-8000-0000000000${String(i + 10)}`, code, name, email, now],
      );
    }
    for (const [suffix, name, kind, priority, fr, res, fwd, pause, escalation] of POLICIES) {
      await q.query(
        'INSERT INTO `sla_policies` (`id`, `name`, `kind`, `category_id`, `priority`, `calendar_id`, `first_response_minutes`, `resolution_minutes`, `forward_minutes`, `warn_percent`, `pause_when_forwarded`, `escalation`, `active`, `updated_at`, `version`) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, 75, ?, ?, 1, ?, 1)',
        [
          `019ad0a0-0004-7000-8000-0000000000${suffix}`,
          name,
          kind,
          priority,
          GIA_LAI,
          fr,
          res,
          fwd,
          pause ? 1 : 0,
          escalation,
          now,
        ],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM `sla_policies` WHERE `id` LIKE '019ad0a0-0004-%'");
    await q.query("DELETE FROM `agencies` WHERE `id` LIKE '019ad0a0-0003-%'");
    await q.query("DELETE FROM `feedback_categories` WHERE `id` LIKE '019ad0a0-0002-%'");
    await q.query('DELETE FROM `calendar_exceptions` WHERE `calendar_id` IN (?, ?)', [GIA_LAI, ALWAYS_OPEN]);
    await q.query('DELETE FROM `calendars` WHERE `id` IN (?, ?)', [GIA_LAI, ALWAYS_OPEN]);
  }
}
