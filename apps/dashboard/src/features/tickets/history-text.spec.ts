import type { Translate } from '../../i18n/i18n';
import { en as EN } from '../../i18n/messages.en';
import { vi as VI } from '../../i18n/messages.vi';
import { historyActionText, historyReasonText } from './history-text';

/** The dashboard's dictionaries, filled as i18n.tsx's translate() does (that file needs React and JSX). */
const dictionary =
  (texts: Record<string, string>): Translate =>
  (key, params) =>
    (texts[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) =>
      params && name in params ? String(params[name]) : m,
    );
const vi = dictionary(VI);
const en = dictionary(EN);

describe('historyReasonText', () => {
  it.each([
    ['work started', 'bắt đầu xử lý', 'work started'],
    ['request created', 'tạo yêu cầu', 'request created'],
    ['SLA policy "Khẩn cấp" edited', 'chính sách SLA "Khẩn cấp" được sửa', 'SLA policy "Khẩn cấp" edited'],
    ['firstResponse warning', 'sắp quá hạn: Phản hồi đầu', 'warning: First response'],
    ['resolution breach', 'quá hạn: Giải quyết', 'breached: Resolution'],
    ['forward breached', 'quá hạn: Chuyển cơ quan', 'breached: Forward'],
    ['past its due date', 'đã quá ngày hẹn', 'past its due date'],
    ['no eligible post office left', 'không còn bưu cục nào nhận được', 'no eligible post office left'],
    ['assigned by a supervisor', 'giám sát viên giao', 'assigned by a supervisor'],
    ['not accepted in time', 'không được nhận kịp thời', 'not accepted in time'],
    ['the call was answered after all', 'cuộc gọi đã được trả lời', 'the call was answered after all'],
  ])('%s → Vietnamese and English words', (reason, inVi, inEn) => {
    expect(historyReasonText(vi, reason)).toBe(inVi);
    expect(historyReasonText(en, reason)).toBe(inEn);
  });

  it.each([
    'Người dân gọi lại, đã giải thích',
    'work started late because of the storm', // only the whole server text is translated
    'resolution warning!',
    'unknownTarget warning',
    '',
  ])('leaves a typed or unknown reason as written: %j', (reason) => {
    expect(historyReasonText(vi, reason)).toBe(reason);
  });
});

describe('historyActionText', () => {
  it('names known action codes, including the policy edit the server writes', () => {
    expect(historyActionText(vi, 'status_changed')).toBe('Đổi trạng thái');
    expect(historyActionText(vi, 'policy_updated')).toBe('Sửa chính sách SLA');
    expect(historyActionText(en, 'policy_updated')).toBe('SLA policy edited');
  });

  it('falls back to the code for an action it does not know', () => {
    expect(historyActionText(vi, 'archived_by_robot')).toBe('archived_by_robot');
  });
});
