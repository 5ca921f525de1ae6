/**
 * The texts of the feedback context's outgoing mail (Vietnamese: they go to agencies and citizens). Pure functions: the outbox row
 * keeps the rendered subject and body, so what was sent is exactly what the row says, whatever changes later.
 */
import { type TicketKind, formatPhoneVN } from '@hotline/contracts';

const HOTLINE = '0269.3888.222';
const SIGNATURE = [
  '--',
  'Tổng đài hỗ trợ dịch vụ công 0269.3888.222',
  'Trung tâm Phục vụ hành chính công tỉnh Gia Lai – Bưu điện tỉnh Gia Lai',
  'Thư này được gửi tự động; vui lòng không trả lời trực tiếp.',
].join('\n');

const KIND_VI: Record<TicketKind, string> = {
  feedback: 'Phản ánh',
  petition: 'Kiến nghị',
  question: 'Hỏi đáp',
  overdue_dossier: 'Phản ánh hồ sơ trễ hạn',
  postal_complaint: 'Khiếu nại dịch vụ bưu chính',
};

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function formatVnDateTime(d: Date): string {
  const l = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(l.getUTCDate())}/${p(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} ${p(l.getUTCHours())}:${p(l.getUTCMinutes())}`;
}

/** YYYY-MM-DD (a local date) → dd/MM/yyyy. */
export function formatVnDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

export interface RenderedMail {
  subject: string;
  body: string;
}

export interface ForwardMailInput {
  agencyName: string;
  code: string;
  kind: TicketKind;
  subject: string;
  content: string;
  note: string | null;
  receivedAt: Date;
  forwardedAt: Date;
  /** The ticket's resolution due instant when it was forwarded (null when no clock runs). */
  deadline: Date | null;
  dossierCode: string | null;
  citizenName: string | null;
  citizenPhone: string | null;
}

/** To the competent agency when a ticket is forwarded (Decree 20/2008 art. 9). */
export function forwardMail(i: ForwardMailInput): RenderedMail {
  const lines = [
    `Kính gửi: ${i.agencyName},`,
    '',
    `Tổng đài ${HOTLINE} chuyển đến Quý cơ quan nội dung sau, thuộc thẩm quyền giải quyết của Quý cơ quan, đề nghị xem xét, giải quyết và trả lời người dân.`,
    '',
    `Mã phiếu: ${i.code}`,
    `Loại: ${KIND_VI[i.kind]}`,
    `Ngày tiếp nhận: ${formatVnDateTime(i.receivedAt)}`,
    `Ngày chuyển: ${formatVnDateTime(i.forwardedAt)}`,
    `Hạn xử lý: ${i.deadline ? formatVnDateTime(i.deadline) : 'theo quy định'}`,
  ];
  if (i.dossierCode) lines.push(`Mã hồ sơ: ${i.dossierCode}`);
  if (i.citizenName || i.citizenPhone)
    lines.push(
      `Người phản ánh: ${[i.citizenName, i.citizenPhone ? formatPhoneVN(i.citizenPhone) : null].filter(Boolean).join(' – ')}`,
    );
  lines.push('', `Tiêu đề: ${i.subject}`, '', 'Nội dung:', i.content);
  if (i.note) lines.push('', 'Ghi chú của tổng đài:', i.note);
  lines.push(
    '',
    `Khi có kết quả, đề nghị Quý cơ quan phản hồi cho Tổng đài ${HOTLINE}, ghi rõ mã phiếu ${i.code}.`,
    '',
    SIGNATURE,
  );
  return {
    subject: `[Tổng đài ${HOTLINE}] Chuyển ${KIND_VI[i.kind].toLowerCase()} ${i.code} – hạn xử lý ${i.deadline ? formatVnDateTime(i.deadline) : 'theo quy định'}`,
    body: lines.join('\n'),
  };
}

export interface ApologyMailInput {
  citizenName: string | null;
  code: string;
  agencyName: string;
  dossierCode: string;
  originalDueDate: string;
  newDueDate: string;
  reason: string;
  slipDate: string;
}

/** To the citizen when the agency sets the new date of an overdue dossier: the apology slip (Mẫu 04, Circular 01/2018/TT-VPCP). */
export function apologyMail(i: ApologyMailInput): RenderedMail {
  const lines = [
    `${i.agencyName.toUpperCase()}`,
    '',
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    '(Mẫu 04 – Thông tư 01/2018/TT-VPCP)',
    '',
    `Kính gửi: Ông/Bà ${i.citizenName ?? ''}`.trimEnd(),
    '',
    `Ngày ${formatVnDate(i.originalDueDate)}, ${i.agencyName} có hẹn trả kết quả giải quyết hồ sơ mã số ${i.dossierCode} của Ông/Bà.`,
    '',
    `Tuy nhiên, đến nay ${i.agencyName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn, lý do: ${i.reason}`,
    '',
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${i.agencyName} xin lỗi Ông/Bà và xin hẹn lại thời gian trả kết quả vào ngày ${formatVnDate(i.newDueDate)}.`,
    '',
    'Mong nhận được sự thông cảm của Ông/Bà. Xin trân trọng cảm ơn.',
    '',
    `Ngày lập phiếu: ${formatVnDate(i.slipDate)}`,
    `Mã phiếu phản ánh tại tổng đài: ${i.code} (tra cứu bằng mã phiếu và số điện thoại của Ông/Bà, hoặc gọi ${HOTLINE}).`,
    '',
    SIGNATURE,
  ];
  return {
    subject: `Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${i.dossierCode} (mới: ${formatVnDate(i.newDueDate)})`,
    body: lines.join('\n'),
  };
}
