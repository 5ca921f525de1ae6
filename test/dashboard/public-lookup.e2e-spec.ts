/**
 * The citizens' lookup page (/tra-cuu) in a real browser against the built UI served by the real api: reached from the
 * login page without a session; code + phone (any spelling) shows a BCCI request's status and dates, and a ticket's
 * status with its public replies (never the internal notes); a wrong phone says "not found" and shows nothing of the
 * request; over the rate limit the page asks to wait. Also on a phone-sized screen.
 * Screenshots: test-artifacts/dashboard/public-*.png (needs `npm run build` first).
 */
import type { Redis } from 'ioredis';
import type { AdministrativeUnitView, BcciRequestView, TicketView } from '@hotline/contracts';
import { REDIS } from '@hotline/core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, login, startApi, unique, type TestApi } from '../helpers/test-app';
import { BrowserHarness } from './browser';

let api: TestApi;
const harness = new BrowserHarness('public-');
let request: BcciRequestView;
let ticket: TicketView;
const phoneDigits = `0912${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
/** The same number as a citizen may type it: 0912.345.678 */
const phoneDotted = `${phoneDigits.slice(0, 4)}.${phoneDigits.slice(4, 7)}.${phoneDigits.slice(7)}`;
const REPLY = 'Hồ sơ của ông/bà đã được Sở Tư pháp tiếp nhận, dự kiến trả kết quả trong tuần.';
const NOTE = 'Ghi chú nội bộ: gọi lại cho chuyên viên Sở';

/** Earlier specs of this jest worker share the Redis prefix: start with fresh lookup windows. */
async function clearLookupWindows(): Promise<void> {
  const redis = api.app.get<Redis>(REDIS);
  for (const pattern of ['dispatch:lookup:*', 'feedback:lookup:*']) {
    const keys = await redis.keys(`${api.config.redis.prefix}${pattern}`);
    if (keys.length) await redis.del(...keys);
  }
}

beforeAll(async () => {
  api = await startApi();
  await harness.launch();
  const operator = (await login(api, 'operator1', DEMO_PASSWORD)).accessToken;
  const as = { authorization: `Bearer ${operator}` };
  const units = (await api.http.get('/api/geo/units').set(as)).body.items as AdministrativeUnitView[];
  const unit = units[0];
  const created = await api.http
    .post('/api/bcci-requests')
    .set(as)
    .send({
      option: 'both',
      dossierCode: unique('HS-'),
      procedureName: 'Cấp phiếu lý lịch tư pháp',
      field: 'Tư pháp',
      agency: 'Sở Tư pháp tỉnh Gia Lai',
      serviceLevel: '3',
      phone: phoneDigits,
      contactName: 'Nguyễn Thị Bích',
      pickupAddress: { detail: '45 Lê Lợi', communeCode: unit.code, lat: unit.lat, lng: unit.lng },
      feeOnBehalf: 0,
    });
  if (created.status !== 201) throw new Error(`request: ${created.status} ${JSON.stringify(created.body)}`);
  request = created.body as BcciRequestView;
  const admin = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
  const t = await api.http
    .post('/api/tickets')
    .set({ authorization: `Bearer ${admin}` })
    .send({
      kind: 'feedback',
      channel: 'phone',
      phone: phoneDigits,
      subject: 'Hồ sơ lý lịch tư pháp chậm',
      content: 'Tôi nộp hồ sơ đã quá hạn hẹn.',
    });
  if (t.status !== 201) throw new Error(`ticket: ${t.status} ${JSON.stringify(t.body)}`);
  ticket = t.body as TicketView;
  expect(
    (
      await api.http
        .post(`/api/tickets/${ticket.id}/replies`)
        .set({ authorization: `Bearer ${admin}` })
        .send({ body: REPLY })
    ).status,
  ).toBe(201);
  expect(
    (
      await api.http
        .post(`/api/tickets/${ticket.id}/notes`)
        .set({ authorization: `Bearer ${admin}` })
        .send({ body: NOTE })
    ).status,
  ).toBe(201);
  await clearLookupWindows();
}, 120_000);

afterAll(async () => {
  await harness.close();
  await api?.close();
});

describe('public lookup page', () => {
  it('the api serves the page without a token (SPA fallback, not a 401)', async () => {
    const res = await api.http.get('/tra-cuu?code=BC-260101-000001');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/<div id="root">/);
  });

  it('from the login page: a request status and dates, with the phone typed another way', async () => {
    const page = await harness.newPage();
    await page.goto(`${api.url}/login`);
    await (await harness.visible(page.getByTestId('public-lookup-link'))).click();
    await page.waitForURL(/\/tra-cuu$/);
    await harness.visible(page.getByRole('heading', { name: 'Tra cứu hồ sơ, phản ánh' }));
    await harness.shot(page, 'lookup-empty');

    await page.getByLabel('Mã yêu cầu hoặc mã phản ánh').fill(request.code.toLowerCase());
    await page.getByLabel('Số điện thoại đã đăng ký').fill(phoneDotted);
    await page.getByTestId('lookup-submit').click();
    const card = await harness.visible(page.getByTestId('lookup-request'));
    await expect(card.textContent()).resolves.toContain(`Yêu cầu ${request.code}`);
    await expect(card.textContent()).resolves.toContain('Gửi hồ sơ và nhận kết quả qua bưu điện');
    // Both legs, still looking for a post office (no worker runs in this spec), each with its J+n date in Vietnam time.
    const states = await page.getByTestId('lookup-leg-state').allTextContents();
    expect(states).toHaveLength(2);
    for (const s of states) expect(['Đang chọn bưu cục', 'Đang chờ bưu cục nhận']).toContain(s);
    const text = (await card.textContent()) ?? '';
    for (const leg of request.legs) expect(text).toContain(vnDateTime(leg.dueAt));
    // Nothing personal: no name, no address, no phone.
    expect(text).not.toMatch(/Nguyễn Thị Bích|Lê Lợi|0912/);
    await harness.shot(page, 'lookup-request');
  });

  it('a ticket: its status and the public reply, never the internal note', async () => {
    const page = await harness.newPage();
    await page.goto(`${api.url}/tra-cuu`);
    await page.getByLabel('Mã yêu cầu hoặc mã phản ánh').fill(ticket.code);
    await page.getByLabel('Số điện thoại đã đăng ký').fill(`+84 ${phoneDigits.slice(1)}`);
    await page.getByTestId('lookup-submit').click();
    const card = await harness.visible(page.getByTestId('lookup-ticket'));
    await expect(page.getByTestId('lookup-ticket-status').textContent()).resolves.toBe('Đang xử lý');
    await expect(page.getByTestId('lookup-reply').first().textContent()).resolves.toContain(REPLY);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(vnDateTime(ticket.receivedAt));
    expect(text).not.toContain(NOTE);
    expect(await page.content()).not.toContain(NOTE);
    await harness.shot(page, 'lookup-ticket');
  });

  it('a wrong phone: "not found", politely, and nothing of the request', async () => {
    const page = await harness.newPage();
    await page.goto(`${api.url}/tra-cuu?code=${request.code}`);
    await expect(page.getByLabel('Mã yêu cầu hoặc mã phản ánh').inputValue()).resolves.toBe(request.code);
    await page.getByLabel('Số điện thoại đã đăng ký').fill('0987 654 321');
    await page.getByTestId('lookup-submit').click();
    const alert = await harness.visible(page.getByTestId('lookup-error'));
    await expect(alert.textContent()).resolves.toContain('Không tìm thấy hồ sơ với mã và số điện thoại này');
    await expect(page.getByTestId('lookup-request').count()).resolves.toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/Đang chọn bưu cục|Hạn dự kiến/);
    await harness.shot(page, 'lookup-not-found');

    // A code in no known format is explained, not "not found".
    await page.getByLabel('Mã yêu cầu hoặc mã phản ánh').fill('BC-12');
    await page.getByLabel('Số điện thoại đã đăng ký').fill(phoneDigits);
    await page.getByTestId('lookup-submit').click();
    await harness.visible(page.getByTestId('lookup-error').filter({ hasText: 'Mã chưa đúng định dạng' }));
  });

  it('on a phone-sized screen, and over the rate limit it asks to wait', async () => {
    const page = await harness.newPage({ width: 390, height: 844 });
    await page.goto(`${api.url}/tra-cuu`);
    await page.getByLabel('Mã yêu cầu hoặc mã phản ánh').fill(request.code);
    await page.getByLabel('Số điện thoại đã đăng ký').fill(phoneDigits);
    await page.getByTestId('lookup-submit').click();
    await harness.visible(page.getByTestId('lookup-request'));
    // Nothing wider than the screen.
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
            .scrollWidth,
      ),
    ).toBeLessThanOrEqual(390);
    await harness.shot(page, 'lookup-mobile');

    // Use up this client's window, then the page explains the wait instead of failing.
    let status = 0;
    for (let i = 0; i < 30 && status !== 429; i++)
      status = (await api.http.get(`/api/public/requests/${request.code}`).query({ phone: phoneDigits })).status;
    expect(status).toBe(429);
    await page.getByTestId('lookup-submit').click();
    const alert = await harness.visible(page.getByTestId('lookup-error'));
    await expect(alert.textContent()).resolves.toMatch(/tra cứu quá nhiều lần.*thử lại sau \d+/);
    await expect(page.getByTestId('lookup-request').count()).resolves.toBe(0);
    await harness.shot(page, 'lookup-too-many');

    // English for visitors who need it.
    await page.getByText('English', { exact: true }).click();
    await harness.visible(page.getByRole('heading', { name: 'Look up a dossier or feedback' }));
    await harness.visible(page.getByText('Request or feedback code'));
    expect(harness.pageErrors).toEqual([]);
  });
});

function vnDateTime(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
