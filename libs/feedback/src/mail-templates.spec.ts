import { loadFeedbackConfig } from './feedback-config';
import { apologyMail, formatVnDate, formatVnDateTime, forwardMail } from './mail-templates';

describe('mail templates', () => {
  it.each([
    ['2026-03-09T02:05:00.000Z', '09/03/2026 09:05'],
    ['2026-12-31T17:00:00.000Z', '01/01/2027 00:00'], // UTC+7 crosses the year
    ['2026-02-16T16:59:59.999Z', '16/02/2026 23:59'],
  ])('formatVnDateTime(%s) = %s (Asia/Ho_Chi_Minh)', (iso, shown) =>
    expect(formatVnDateTime(new Date(iso))).toBe(shown),
  );

  it('formatVnDate turns a local date into dd/MM/yyyy', () => expect(formatVnDate('2026-03-20')).toBe('20/03/2026'));

  const fwd = {
    agencyName: 'Sở Xây dựng tỉnh Gia Lai',
    code: 'PA260309-K7QX2',
    kind: 'petition' as const,
    subject: 'Giấy phép xây dựng',
    content: 'Đề nghị hướng dẫn thủ tục cấp phép.',
    note: null,
    receivedAt: new Date('2026-03-09T01:00:00Z'),
    forwardedAt: new Date('2026-03-09T02:00:00Z'),
    deadline: new Date('2026-03-16T09:30:00Z'),
    dossierCode: null,
    citizenName: null,
    citizenPhone: '+84912345678',
  };

  it('the forward names the agency, the code, the deadline in Vietnam time, the content and the citizen phone in Vietnamese style', () => {
    const m = forwardMail(fwd);
    expect(m.subject).toBe('[Tổng đài 0269.3888.222] Chuyển kiến nghị PA260309-K7QX2 – hạn xử lý 16/03/2026 16:30');
    expect(m.body).toContain('Kính gửi: Sở Xây dựng tỉnh Gia Lai,');
    expect(m.body).toContain('Hạn xử lý: 16/03/2026 16:30');
    expect(m.body).toContain('Người phản ánh: 0912 345 678');
    expect(m.body).toContain('Đề nghị hướng dẫn thủ tục cấp phép.');
    expect(m.body).not.toContain('Ghi chú');
    expect(m.body).not.toContain('Mã hồ sơ');
  });

  it('a forward without a running clock says the deadline follows the rules', () => {
    expect(forwardMail({ ...fwd, deadline: null }).subject).toMatch(/hạn xử lý theo quy định$/);
  });

  it('the apology slip (Mẫu 04) carries the reason, the original and the new date', () => {
    const m = apologyMail({
      citizenName: null,
      code: 'PA1',
      agencyName: 'UBND xã Ia Kha',
      dossierCode: 'H1',
      originalDueDate: '2026-03-10',
      newDueDate: '2026-03-20',
      reason: 'Thiếu chữ ký',
      slipDate: '2026-03-09',
    });
    expect(m.subject).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ H1 (mới: 20/03/2026)');
    expect(m.body).toContain('Kính gửi: Ông/Bà\n');
    expect(m.body).toContain('Ngày 10/03/2026, UBND xã Ia Kha có hẹn trả kết quả');
    expect(m.body).toContain('lý do: Thiếu chữ ký');
    expect(m.body).toContain('Ngày lập phiếu: 09/03/2026');
  });
});

describe('mail configuration', () => {
  it('defaults: no SMTP (outbox keeps mails as disabled), 8 attempts, 30 s first retry', () => {
    expect(loadFeedbackConfig({}).mail).toEqual({
      smtpUrl: null,
      from: 'Tổng đài 0269.3888.222 <no-reply@localhost>',
      maxAttempts: 8,
      retryBaseMs: 30000,
    });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.vn' }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL must be a URL/],
    [{ MAIL_FROM: 'hotline' }, /MAIL_FROM must be an address/],
    [{ MAIL_MAX_ATTEMPTS: '0' }, /MAIL_MAX_ATTEMPTS must be an integer between 1 and 100/],
    [{ MAIL_RETRY_BASE_MS: 'soon' }, /MAIL_RETRY_BASE_MS/],
  ])('refuses %j', (env, message) => expect(() => loadFeedbackConfig(env)).toThrow(message));

  it('accepts smtp(s) URLs and a display-name From', () => {
    const c = loadFeedbackConfig({
      SMTP_URL: 'smtps://u:p@mail.gialai.gov.vn:465',
      MAIL_FROM: 'Tổng đài <hotline@gialai.gov.vn>',
    }).mail;
    expect(c).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.gialai.gov.vn:465',
      from: 'Tổng đài <hotline@gialai.gov.vn>',
    });
  });
});
