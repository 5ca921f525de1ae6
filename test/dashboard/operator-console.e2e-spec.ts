/**
 * The operator console in a real browser (Debian's Chromium + playwright-core) against the built UI served by the real
 * api, with the real worker: a CTI call pops the caller's identity and history live, the operator files the call with
 * the form, a missed call from another number becomes a callback live. A dispatcher cannot open the screen.
 * Screenshots: test-artifacts/dashboard/operator-console-*.png (needs `npm run build` or the dashboard's vite build first).
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'playwright-core';
import type { AdministrativeUnitView } from '@hotline/contracts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, login, startApi, startWorker, unique, type TestApi } from '../helpers/test-app';
import { e164, randomMobile } from '../calls/helpers';
import { BrowserHarness } from './browser';

let api: TestApi;
let worker: INestApplicationContext;
const h = new BrowserHarness('operator-console-');
let ctiToken: string;
let adminAuth: { authorization: string };
const saved = { wrap: process.env.CALLS_WRAP_UP_SECONDS };

const newPage = () => h.newPage();
const visible = h.visible.bind(h);
const shot = (page: Page, name: string) => h.shot(page, name);
const pickOption = (page: Page, label: string) => h.pickOption(page, label);
const uiLogin = (page: Page, username: string, password: string) => h.login(page, api.url, username, password);

const cti = async (body: Record<string, unknown>) => {
  const res = await api.http.post('/api/cti/events').set('x-cti-token', ctiToken).send(body);
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`cti ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

beforeAll(async () => {
  await h.launch();
  // A short wrap-up so the status goes on_call → wrap_up → available within the test.
  process.env.CALLS_WRAP_UP_SECONDS = '2';
  api = await startApi();
  worker = await startWorker(api.config);
  adminAuth = { authorization: `Bearer ${(await login(api, 'admin', ADMIN_PASSWORD)).accessToken}` };
  const created = await api.http
    .post('/api/cti/tokens')
    .set(adminAuth)
    .send({ name: unique('pbx-ui-') });
  if (created.status !== 201) throw new Error(`cti token: ${created.status}`);
  ctiToken = created.body.token;
}, 90_000);

afterAll(async () => {
  await h.close();
  await worker?.close();
  await api?.close();
  if (saved.wrap === undefined) delete process.env.CALLS_WRAP_UP_SECONDS;
  else process.env.CALLS_WRAP_UP_SECONDS = saved.wrap;
}, 30_000);

afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('operator console in Chromium', () => {
  let operator: Page;
  const caller = randomMobile('098');
  const missed = randomMobile('086');
  let communeName: string;

  it('is not offered to a dispatcher', async () => {
    const dispatcher = await newPage();
    await uiLogin(dispatcher, 'dispatcher.pleiku', DEMO_PASSWORD);
    expect(
      await dispatcher.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: 'Bàn làm việc tổng đài' }).count(),
    ).toBe(0);
    await dispatcher.goto(`${api.url}/operator`);
    await visible(dispatcher.getByText('Không có quyền truy cập'));
    expect(await dispatcher.getByTestId('screen-pop-card').count()).toBe(0);
    await dispatcher.context().close();
  }, 30_000);

  it('pops the caller with identity and history live, the operator files the call, a missed call becomes a callback', async () => {
    // A known citizen in a remote-area commune, with one earlier call, so the screen-pop has a history to show.
    const opTokens = await login(api, 'operator1');
    const opAuth = { authorization: `Bearer ${opTokens.accessToken}` };
    const units = (await api.http.get('/api/geo/units').set(opAuth)).body.items as AdministrativeUnitView[];
    const remote = units.find((u) => u.remoteArea)!;
    expect(remote).toBeDefined();
    communeName = remote.name;
    const citizen = await api.http
      .post('/api/citizens')
      .set(opAuth)
      .send({ phone: caller, fullName: 'Rơ Châm Thị Ngọc', communeCode: remote.code, addressDetail: 'Làng Plei Ốp' });
    expect(citizen.status).toBe(201);
    const earlier = new Date(Date.now() - 3 * 86400_000).toISOString();
    const prior = await api.http.post('/api/calls').set(opAuth).send({
      direction: 'inbound',
      channel: 'phone',
      phone: caller,
      startedAt: earlier,
      answeredAt: earlier,
      endedAt: earlier,
      outcome: 'guided',
      notes: 'Hỏi thủ tục cấp đổi CCCD',
    });
    expect(prior.status).toBe(201);

    operator = await newPage();
    await uiLogin(operator, 'operator1', DEMO_PASSWORD);
    await operator.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: 'Bàn làm việc tổng đài' }).click();
    await operator.waitForURL(/\/operator$/);
    await visible(operator.getByTestId('screen-pop-empty'));
    await visible(operator.locator('[data-testid=connection-state][data-state=online]'));
    await visible(operator.getByTestId('slot-bcci-request').getByRole('button', { name: 'Tạo yêu cầu BCCI' }));
    expect(await operator.getByTestId('slot-bcci-request').getByRole('button').isDisabled()).toBe(true);
    expect(await operator.getByTestId('slot-ticket').getByRole('button').isDisabled()).toBe(true);
    await visible(operator.getByTestId('shortcut-help').getByText('Alt+S lưu'));
    await operator.evaluate('window.__notReloaded = true');
    await shot(operator, '01-console-idle');

    // The PBX rings, then extension 1001 (operator1) answers.
    const callId = unique('ui-call-');
    await cti({
      event: 'new_call',
      call_id: callId,
      direction: 'inbound',
      from: caller,
      to: '02693888222',
      queue: 'hotline',
    });
    const pop = await visible(operator.getByTestId('screen-pop'));
    await cti({
      event: 'answer',
      call_id: callId,
      direction: 'inbound',
      from: caller,
      to: '02693888222',
      extension: '1001',
    });
    await visible(operator.locator('[data-testid=screen-pop][data-state=answered]'));
    expect(await pop.getByTestId('screen-pop-phone').innerText()).toBe(
      `${caller.slice(0, 4)} ${caller.slice(4, 7)} ${caller.slice(7)}`,
    );
    expect(await pop.getByTestId('screen-pop-name').innerText()).toBe('Rơ Châm Thị Ngọc');
    expect(await pop.getByTestId('screen-pop-commune').innerText()).toBe(communeName);
    await visible(pop.getByTestId('remote-area-tag').getByText('Vùng sâu, vùng xa'));
    expect(await pop.getByTestId('history-calls').innerText()).toMatch(/[1-9]\d* cuộc gọi/);
    expect(await pop.getByTestId('history-requests').innerText()).toContain('0 đang mở / 0 tổng');
    await visible(pop.getByTestId('screen-pop-last-calls').getByText('Đã hướng dẫn'));
    await visible(operator.locator('[data-testid=my-status][data-status=on_call]'));
    expect(await operator.evaluate('window.__notReloaded')).toBe(true);
    await shot(operator, '02-screen-pop');

    // The operator files the call: topic, notes, outcome, Alt+S.
    await operator.getByTestId('call-topic').click();
    await pickOption(operator, 'Hướng dẫn DVCTT');
    await operator
      .getByTestId('call-notes')
      .fill('Hướng dẫn nộp hồ sơ cấp đổi giấy phép lái xe trên Cổng dịch vụ công.');
    await operator.getByTestId('call-outcome').click();
    await pickOption(operator, 'Đã hướng dẫn');
    await operator.keyboard.press('Alt+KeyS');
    await visible(operator.getByText('Đã lưu cuộc gọi'));
    const row = await visible(
      operator.locator(`[data-testid=my-calls] tr[data-call-id]`).filter({ hasText: 'Hướng dẫn DVCTT' }),
    );
    expect(await row.innerText()).toContain('Đã hướng dẫn');
    const stored = (await api.http.get('/api/calls').query({ phone: caller }).set(opAuth)).body.items.find(
      (c: { externalId: string }) => c.externalId === callId,
    );
    expect(stored).toMatchObject({
      outcome: 'guided',
      notes: 'Hướng dẫn nộp hồ sơ cấp đổi giấy phép lái xe trên Cổng dịch vụ công.',
      operatorId: opTokens.user.id,
    });
    expect(stored.topicId).toBeTruthy();

    // Hang up: wrap-up shows live, then the status returns to available by itself.
    await cti({ event: 'hangup', call_id: callId, direction: 'inbound', from: caller, cause: 'normalClearing' });
    await visible(operator.locator('[data-testid=my-status][data-status=wrap_up]'));
    await visible(operator.getByTestId('my-status-wrapup'));
    await shot(operator, '03-call-saved-wrap-up');
    await visible(operator.locator('[data-testid=my-status][data-status=available]'));

    // A missed call from another number opens a callback, visible live; the operator takes it.
    const missedId = unique('ui-missed-');
    await cti({
      event: 'new_call',
      call_id: missedId,
      direction: 'inbound',
      from: missed,
      to: '02693888222',
      queue: 'hotline',
    });
    await cti({ event: 'hangup', call_id: missedId, direction: 'inbound', from: missed, cause: 'cancel' });
    const cb = await visible(operator.locator(`[data-testid=callback-item][data-phone="${e164(missed)}"]`));
    expect(await cb.innerText()).toContain(`${missed.slice(0, 4)} ${missed.slice(4, 7)} ${missed.slice(7)}`);
    await cb.getByTestId('callback-assign').click();
    await visible(cb.getByText('Tôi phụ trách'));
    expect(await operator.evaluate('window.__notReloaded')).toBe(true);
    await shot(operator, '04-callback');

    // First try: no answer (logged), second: reached → closed with the outbound call, which joins my calls.
    await cb.getByTestId('callback-attempt').click();
    const attemptDialog = await visible(operator.getByRole('dialog').filter({ hasText: 'Ghi lần gọi lại' }));
    await attemptDialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await visible(cb.getByText('1 lần gọi lại'));
    await cb.getByTestId('callback-close').click();
    const closeDialog = await visible(operator.getByRole('dialog').filter({ hasText: 'Đóng yêu cầu gọi lại' }));
    await closeDialog.locator('textarea').fill('Đã gọi lại, hướng dẫn tra cứu hồ sơ.');
    await closeDialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await visible(operator.getByText('Đã đóng yêu cầu gọi lại'));
    await operator.locator(`[data-testid=callback-item][data-phone="${e164(missed)}"]`).waitFor({ state: 'detached' });
    await visible(operator.locator('[data-testid=my-calls] tr[data-call-id]').filter({ hasText: 'Đã gọi lại' }));

    // Alt+B: a break, then back to available, shown live.
    await operator.keyboard.press('Alt+KeyB');
    await visible(operator.locator('[data-testid=my-status][data-status=break]'));
    await operator.keyboard.press('Alt+KeyB');
    await visible(operator.locator('[data-testid=my-status][data-status=available]'));

    // English is one click away, and the console follows.
    await operator.locator('.ant-layout-header .ant-segmented-item').filter({ hasText: 'EN' }).click();
    await visible(operator.getByRole('heading', { name: 'Operator console' }));
    await visible(operator.getByTestId('my-calls').getByText('My calls today'));
    // (Other test files share this database: open callbacks of theirs may be listed, so check the card's title.)
    await visible(operator.getByTestId('callbacks').getByText('Callbacks', { exact: true }));
    await shot(operator, '05-english');
    await operator.locator('.ant-layout-header .ant-segmented-item').filter({ hasText: 'VI' }).click();
    await visible(operator.getByRole('heading', { name: 'Bàn làm việc tổng đài' }));
  }, 60_000);
});
