/**
 * Messages of the dispatcher inbox added after the core dictionary (keys prefixed `dispatch.`), Vietnamese first (the keys),
 * English beside them. Merged into the dashboard's dictionaries by messages.vi.ts / messages.en.ts.
 */
export const dispatchVi = {
  'dispatch.offer.deadline': 'Hạn nhận: {time}',
  'dispatch.fees.download': 'Tải báo cáo CSV',
  'dispatch.fees.downloadHint': 'Các khoản đã thu, chưa nộp của bưu cục (mở được bằng Excel)',
  'dispatch.fees.downloadFailed': 'Không tải được báo cáo: {reason}',
  'dispatch.remitted': 'Đã nộp {amount} · chứng từ {reference} ngày {date}',
  'dispatch.remitted.short': 'Đã nộp',
  'dispatch.list.more': 'Hiển thị {shown} chuyến đang xử lý đầu tiên (còn nữa)',
} as const;

export const dispatchEn: Record<keyof typeof dispatchVi, string> = {
  'dispatch.offer.deadline': 'Accept by {time}',
  'dispatch.fees.download': 'Download CSV report',
  'dispatch.fees.downloadHint': "This office's fees collected and not yet remitted (opens in Excel)",
  'dispatch.fees.downloadFailed': 'Could not download the report: {reason}',
  'dispatch.remitted': 'Remitted {amount} · voucher {reference} on {date}',
  'dispatch.remitted.short': 'Remitted',
  'dispatch.list.more': 'Showing the first {shown} legs in progress (there are more)',
};
