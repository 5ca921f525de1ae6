import { type LegKind, type LegState, vnWallClock } from '@hotline/contracts';

/** One line of the collected-not-remitted report. Amounts are integer VND. */
export interface UnremittedLine {
  officeCode: string;
  officeName: string;
  requestCode: string;
  dossierCode: string;
  agency: string;
  kind: LegKind;
  state: LegState;
  receiptNumber: string | null;
  feeExpected: number;
  feeCollected: number;
  updatedAt: Date;
}

const KIND_VI: Record<LegKind, string> = { pickup: 'Nhận hồ sơ', return: 'Trả kết quả' };
const STATE_VI: Record<LegState, string> = {
  routing: 'Đang điều phối',
  assigned: 'Chờ bưu cục nhận',
  accepted: 'Bưu cục đã nhận',
  courier_assigned: 'Đã giao bưu tá',
  picked_up: 'Đã lấy hàng',
  delivered: 'Đã phát',
  failed_attempt: 'Phát không thành công',
  returned_to_agency: 'Đã hoàn cơ quan',
  cancelled: 'Đã huỷ',
  unroutable: 'Không điều phối được',
};
const HEADER = [
  'Mã bưu cục',
  'Tên bưu cục',
  'Mã yêu cầu',
  'Mã hồ sơ',
  'Cơ quan giải quyết',
  'Chiều',
  'Trạng thái',
  'Số biên lai',
  'Thu hộ dự kiến (VND)',
  'Đã thu (VND)',
  'Cập nhật lúc',
];

/** dd/MM/yyyy HH:mm in Vietnam time (UTC+7, no daylight saving). */
function vnDateTime(d: Date): string {
  const v = vnWallClock(d);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

/** RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so that a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as a file Excel opens with its Vietnamese intact: UTF-8 with a byte-order mark, CRLF line ends, one line per
 * leg, and a closing total line per office.
 */
export function unremittedCsv(lines: UnremittedLine[]): string {
  const rows: string[] = [HEADER.map(csvCell).join(',')];
  const totals = new Map<string, { name: string; amount: number; legs: number }>();
  for (const l of lines) {
    rows.push(
      [
        l.officeCode,
        l.officeName,
        l.requestCode,
        l.dossierCode,
        l.agency,
        KIND_VI[l.kind],
        STATE_VI[l.state],
        l.receiptNumber,
        l.feeExpected,
        l.feeCollected,
        vnDateTime(l.updatedAt),
      ]
        .map(csvCell)
        .join(','),
    );
    const t = totals.get(l.officeCode) ?? { name: l.officeName, amount: 0, legs: 0 };
    t.amount += l.feeCollected;
    t.legs += 1;
    totals.set(l.officeCode, t);
  }
  for (const [code, t] of totals)
    rows.push(
      [code, t.name, `Tổng cộng (${t.legs} chiều)`, '', '', '', '', '', '', t.amount, ''].map(csvCell).join(','),
    );
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
