/**
 * Feedback tickets in a real browser (Debian's Chromium + playwright-core) against the built UI served by the real api,
 * with the real worker: the operator creates a ticket from a popped call (phone, name and the remote-area priority bump
 * shown), lands on its detail, and watches its SLA countdown tick in the browser (no request per tick) and turn warning
 * then breached at the instants the api sent; the ticket then goes through reply, note, forward, agency answer,
 * resolution and CSAT; an overdue-dossier ticket gets its apology slip and new date once. A short policy on the 24/7
 * calendar (one test-only category) makes the clock run in seconds. Screenshots: test-artifacts/dashboard/tickets-*.png.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'playwright-core';
import type {
  AdministrativeUnitView,
  AgencyView,
  CallView,
  Page as ListPage,
  TicketDetailView,
  TicketView,
} from '@hotline/contracts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, login, startApi, startWorker, unique, type TestApi } from '../helpers/test-app';
import { randomMobile } from '../calls/helpers';
import { BrowserHarness } from './browser';

const h = new BrowserHarness('tickets-', 15_000);
let api: TestApi;
let worker: INestApplicationContext;
let admin: { authorization: string };
let operatorAuth: { authorization: string };
let ctiToken: string;
let policyId: string | null = null;
const CATEGORY = `Thử nghiệm SLA ${unique('')}`;
/** Longer than the policy's warning and breach delays, with room for a loaded machine. */
const SLA_WAIT = 45_000;
let categoryId: string;

const input = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input, textarea[data-testid="${id}"]`).first();

/** Closes the ticket drawer with its close button and waits until it is gone. */
async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await page.getByTestId('ticket-detail').waitFor({ state: 'detached' });
}

async function cti(body: Record<string, unknown>): Promise<void> {
  const res = await api.http.post('/api/cti/events').set('x-cti-token', ctiToken).send(body);
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`cti ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  await h.launch();
  api = await startApi();
  worker = await startWorker(api.config);
  admin = { authorization: `Bearer ${(await login(api, 'admin', ADMIN_PASSWORD)).accessToken}` };
  operatorAuth = { authorization: `Bearer ${(await login(api, 'operator2')).accessToken}` };
  const token = await api.http
    .post('/api/cti/tokens')
    .set(admin)
    .send({ name: unique('pbx-tickets-ui-') });
  if (token.status !== 201) throw new Error(`cti token: ${token.status}`);
  ctiToken = token.body.token;
  // One test-only category whose policy runs on the 24/7 calendar in seconds: warning at 18 s, breach at 36 s.
  const category = await api.http
    .post('/api/feedback/categories')
    .set(admin)
    .send({ code: unique('ui-sla-'), name: CATEGORY });
  if (category.status !== 201) throw new Error(`category: ${category.status} ${JSON.stringify(category.body)}`);
  categoryId = category.body.id;
  const policy = await api.http
    .post('/api/sla/policies')
    .set(admin)
    .send({
      name: `UI ${CATEGORY}`,
      categoryId,
      calendar: 'always-open',
      firstResponseMinutes: 0.6,
      resolutionMinutes: 30,
      warnPercent: 50,
    });
  if (policy.status !== 201) throw new Error(`policy: ${policy.status} ${JSON.stringify(policy.body)}`);
  policyId = policy.body.id;
}, 120_000);

afterAll(async () => {
  if (policyId) await api?.http.patch(`/api/sla/policies/${policyId}`).set(admin).send({ active: false });
  await h.close();
  await worker?.close();
  await api?.close();
}, 30_000);

afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('tickets in Chromium', () => {
  let op: Page;

  it('creates a ticket from a call and shows its SLA countdown ticking in the browser, then warning and breached live', async () => {
    const caller = randomMobile('096');
    const units = (await api.http.get('/api/geo/units').set(operatorAuth)).body.items as AdministrativeUnitView[];
    const remote = units.find((u) => u.remoteArea)!;
    const citizen = await api.http
      .post('/api/citizens')
      .set(operatorAuth)
      .send({ phone: caller, fullName: 'Đinh Văn Hrê', communeCode: remote.code, addressDetail: 'Làng Kon Săm' });
    expect(citizen.status).toBe(201);

    op = await h.newPage();
    await h.login(op, api.url, 'operator2', DEMO_PASSWORD);
    await op.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: 'Bàn làm việc tổng đài' }).click();
    await op.waitForURL(/\/operator$/);
    await h.visible(op.locator('[data-testid=connection-state][data-state=online]'));
    expect(await op.getByTestId('slot-ticket').getByRole('button').isDisabled()).toBe(true);

    const callId = unique('ui-ticket-');
    await cti({
      event: 'new_call',
      call_id: callId,
      direction: 'inbound',
      from: caller,
      to: '02693888222',
      queue: 'hotline',
    });
    await cti({
      event: 'answer',
      call_id: callId,
      direction: 'inbound',
      from: caller,
      to: '02693888222',
      extension: '1002',
    });
    await h.visible(op.locator('[data-testid=screen-pop][data-state=answered]'));

    await op.getByTestId('slot-ticket').getByRole('button').click();
    const modal = await h.dialog(op, 'Tạo phiếu phản ánh');
    expect(await input(op, 'ticket-phone').inputValue()).toBe(
      `${caller.slice(0, 4)} ${caller.slice(4, 7)} ${caller.slice(7)}`,
    );
    expect(await input(op, 'ticket-citizen-name').inputValue()).toBe('Đinh Văn Hrê');
    // The caller's commune is a remote area: the form says the priority goes up one step before anything is sent.
    const bump = await h.visible(modal.getByTestId('ticket-remote-bump'));
    expect(await bump.innerText()).toContain(remote.name);
    expect(await bump.innerText()).toMatch(/Bình thường\s*→\s*Cao/);
    // Required fields are refused on the spot.
    await modal.getByTestId('ticket-form-submit').click();
    await h.visible(modal.locator('.ant-form-item-explain-error').first());
    await input(op, 'ticket-subject').fill('Hồ sơ cấp đổi giấy phép lái xe quá hẹn chưa trả');
    await input(op, 'ticket-content').fill(
      'Công dân nộp hồ sơ trực tuyến mức 4 ngày 10/11, đến nay chưa nhận được kết quả.',
    );
    await modal.getByTestId('ticket-category').click();
    await h.searchOption(op, CATEGORY);
    await input(op, 'ticket-dossier').fill('H21.52-251110-0042');
    // A number the api cannot read: its 400 is shown under the phone field and nothing is created.
    const before = (
      (await api.http.get('/api/tickets').query({ kind: 'feedback', limit: 200 }).set(operatorAuth)).body
        .items as TicketView[]
    ).length;
    await input(op, 'ticket-phone').fill('12345');
    await modal.getByTestId('ticket-form-submit').click();
    await h.visible(
      modal
        .locator('.ant-form-item')
        .filter({ has: op.locator('[data-testid=ticket-phone]') })
        .locator('.ant-form-item-explain-error')
        .filter({ hasText: 'Không đúng định dạng số điện thoại' }),
    );
    expect(
      (
        (await api.http.get('/api/tickets').query({ kind: 'feedback', limit: 200 }).set(operatorAuth)).body
          .items as TicketView[]
      ).length,
    ).toBe(before);
    await input(op, 'ticket-phone').fill(caller);
    await h.shot(op, '01-create-from-call');
    await modal.getByTestId('ticket-form-submit').click();

    // The detail opens: code, the raised priority, and a first-response countdown that ticks.
    const drawer = await h.visible(op.getByTestId('ticket-detail'));
    const ticketId = (await drawer.getAttribute('data-ticket-id'))!;
    const stored = (await api.http.get(`/api/tickets/${ticketId}`).set(operatorAuth)).body as TicketDetailView;
    expect(stored).toMatchObject({
      kind: 'feedback',
      channel: 'phone',
      priority: 'high',
      priorityRaisedForRemoteArea: true,
      categoryId,
      dossierCode: 'H21.52-251110-0042',
      policyId,
      status: 'open',
    });
    expect(await op.getByTestId('ticket-code').innerText()).toBe(stored.code);
    await h.visible(op.getByTestId('screen-pop').getByTestId('history-tickets').getByText('1 đang mở / 1 tổng'));
    // The latest ticket's status in the tickets' own words, not the api's "open".
    expect(await (await h.visible(op.getByTestId('history-tickets-latest'))).innerText()).toBe(
      `Gần nhất: ${stored.code} · Đang xử lý`,
    );
    const fr = drawer.getByTestId('ticket-sla').getByTestId('sla-firstResponse');
    await h.visible(drawer.locator('[data-testid=sla-firstResponse][data-sla-state=ok]'));
    const ticketRequests: string[] = [];
    op.on('request', (r) => {
      if (r.url().includes('/api/tickets')) ticketRequests.push(r.url());
    });
    const first = await fr.getByTestId('sla-text').innerText();
    expect(first).toMatch(/^còn 00:00:\d\d$/);
    // The text changes by itself within about a second: the browser ticks from the due instant, nothing is fetched.
    await fr.getByTestId('sla-text').filter({ hasNotText: first }).waitFor({ timeout: 2_500 });
    const second = await fr.getByTestId('sla-text').innerText();
    expect(second).toMatch(/^còn 00:00:\d\d$/);
    expect(second).not.toBe(first);
    expect(ticketRequests).toEqual([]);
    await h.shot(op, '02-detail-countdown');

    // Warning at 50 % (18 s), breach at 36 s: the colour follows the api's instants, the row in "my tickets" too.
    await drawer.locator('[data-testid=sla-firstResponse][data-sla-state=warning]').waitFor({ timeout: SLA_WAIT });
    await drawer.locator('[data-testid=sla-firstResponse][data-sla-state=breached]').waitFor({ timeout: SLA_WAIT });
    expect(await fr.getByTestId('sla-text').innerText()).toMatch(/^quá 00:00:\d\d$/);
    await closeDrawer(op);
    await h.visible(
      op.locator(
        `[data-testid=my-ticket][data-ticket-id="${ticketId}"] [data-testid=sla-firstResponse][data-sla-state=breached]`,
      ),
    );
    await h.shot(op, '03-console-my-tickets-breached');

    const call = (
      (await api.http.get('/api/calls').query({ phone: caller }).set(operatorAuth)).body as ListPage<CallView>
    ).items.find((c) => c.externalId === callId)!;
    expect(call).toMatchObject({ ticketId, outcome: 'ticket_created' });
  }, 150_000);

  it('the tickets screen lists it live; reply, note, forward, agency answer, resolve and CSAT from the detail; history kept', async () => {
    await op.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: 'Phiếu phản ánh' }).click();
    await op.waitForURL(/\/tickets/);
    const mine = (
      await api.http
        .get('/api/tickets')
        .query({ assigneeId: (await api.http.get('/api/auth/me').set(operatorAuth)).body.id })
        .set(operatorAuth)
    ).body.items as TicketView[];
    const ticket = mine.find((x) => x.categoryId === categoryId)!;
    const row = await h.visible(op.locator(`[data-testid=ticket-row][data-ticket-id="${ticket.id}"]`));
    await h.visible(row.locator('[data-testid=sla-firstResponse][data-sla-state=breached]'));
    await h.visible(row.locator('[data-testid=sla-resolution][data-sla-state=ok]'));
    // The citizen: name and phone written the Vietnamese way.
    expect(await row.getByTestId('ticket-citizen-name').innerText()).toBe('Đinh Văn Hrê');
    const phone = (ticket.citizenPhone ?? '').replace('+84', '0');
    expect(await row.getByTestId('ticket-citizen-phone').innerText()).toBe(
      `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`,
    );

    // A ticket created elsewhere and assigned to this operator appears without reloading.
    await op.evaluate('window.__notReloaded = true');
    const me = (await api.http.get('/api/auth/me').set(operatorAuth)).body.id as string;
    const other = await api.http
      .post('/api/tickets')
      .set(operatorAuth)
      .send({
        kind: 'question',
        channel: 'email',
        phone: randomMobile('094'),
        subject: 'Hỏi thủ tục đăng ký kết hôn',
        content: 'Cần giấy tờ gì?',
        assigneeId: me,
      });
    expect(other.status).toBe(201);
    await h.visible(op.locator(`[data-testid=ticket-row][data-ticket-id="${other.body.id}"]`));
    expect(await op.evaluate('window.__notReloaded')).toBe(true);
    await h.shot(op, '04-my-tickets-list');

    await row.click();
    const drawer = await h.visible(op.getByTestId('ticket-detail'));
    // Public reply: the first response is met.
    await input(op, 'ticket-message-body').fill('Tổng đài đã ghi nhận, sẽ phản hồi trong 3 ngày làm việc.');
    await op.getByTestId('ticket-message-send').click();
    await h.visible(drawer.locator('[data-testid=ticket-message][data-kind=public_reply]'));
    await h.visible(drawer.locator('[data-testid=sla-firstResponse][data-sla-state=met]'));
    // Internal note.
    await op.getByTestId('tab-note').click();
    await input(op, 'ticket-message-body').fill('Đã gọi Sở GTVT, chờ xác minh.');
    await op.getByTestId('ticket-message-send').click();
    await h.visible(drawer.locator('[data-testid=ticket-message][data-kind=internal_note]'));
    // Forward to the competent agency, then record its answer.
    const agencies = ((await api.http.get('/api/feedback/agencies').set(operatorAuth)).body as ListPage<AgencyView>)
      .items;
    const agency = agencies.find((a) => a.code === 'so-xay-dung') ?? agencies[0];
    await drawer.getByTestId('ticket-forward-agency').click();
    await h.searchOption(op, agency.name);
    await input(op, 'ticket-forward-note').fill('Đề nghị Sở trả lời công dân.');
    await drawer.getByTestId('ticket-forward-submit').click();
    await h.visible(op.locator('[data-testid=ticket-status][data-status=forwarded]'));
    await input(op, 'ticket-forward-answer-input').fill('Sở đã trả kết quả cho công dân ngày 28/11.');
    await drawer.getByTestId('ticket-forward-answer-save').click();
    await h.visible(drawer.getByTestId('ticket-forward-answer'));
    // Only the moves the server allows are offered: from forwarded → open / waiting / resolved.
    expect(
      await drawer
        .getByTestId('ticket-actions')
        .locator('[data-testid^=ticket-move-]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))),
    ).toEqual(['ticket-move-open', 'ticket-move-waiting_citizen', 'ticket-move-resolved']);
    await drawer.getByTestId('ticket-move-resolved').click();
    await h.visible(op.locator('[data-testid=ticket-status][data-status=resolved]'));
    await h.visible(drawer.locator('[data-testid=sla-resolution][data-sla-state=met]'));
    // CSAT after resolution.
    await drawer.getByTestId('csat-score').locator('li').nth(3).click();
    await input(op, 'csat-comment').fill('Hài lòng');
    await drawer.getByTestId('csat-submit').click();
    await h.visible(drawer.getByTestId('ticket-csat').getByText('Hài lòng'));
    await h.visible(drawer.locator('[data-testid=ticket-history-item][data-action=csat]'));
    for (const action of [
      'created',
      'public_reply',
      'internal_note',
      'forwarded',
      'agency_answered',
      'status_changed',
    ]) {
      await h.visible(drawer.locator(`[data-testid=ticket-history-item][data-action=${action}]`));
    }
    // Rows the server wrote by itself read in Vietnamese: the first-response breach names its target, no English reason is left.
    const breachRow = await h.visible(
      drawer.locator('[data-testid=ticket-history-item][data-action=sla_breached]').first(),
    );
    expect(await breachRow.innerText()).toContain('quá hạn: Phản hồi đầu');
    expect(await drawer.getByTestId('ticket-history').innerText()).not.toMatch(
      /firstResponse|work started|warning|breach/,
    );
    await h.shot(op, '05-detail-resolved-history');
    const done = (await api.http.get(`/api/tickets/${ticket.id}`).set(operatorAuth)).body as TicketDetailView;
    expect(done).toMatchObject({ status: 'resolved', csat: { score: 4, comment: 'Hài lòng' } });
    expect(done.forwards).toEqual([
      expect.objectContaining({ agencyId: agency.id, answer: 'Sở đã trả kết quả cho công dân ngày 28/11.' }),
    ]);
    await closeDrawer(op);
  }, 90_000);

  it('an overdue dossier gets its apology slip and new date once', async () => {
    const agencies = ((await api.http.get('/api/feedback/agencies').set(operatorAuth)).body as ListPage<AgencyView>)
      .items;
    const created = await api.http
      .post('/api/tickets')
      .set(operatorAuth)
      .send({
        kind: 'overdue_dossier',
        channel: 'phone',
        phone: randomMobile('093'),
        subject: 'Hồ sơ đất đai trễ hạn',
        content: 'Quá hạn 5 ngày',
        overdue: { agencyId: agencies[0].id, dossierCode: 'H21.52-251001-0007', originalDueDate: '2026-11-20' },
      });
    expect(created.status).toBe(201);
    await op.goto(`${api.url}/tickets?ticket=${created.body.id}`);
    const card = await h.visible(op.getByTestId('ticket-overdue'));
    expect(await card.innerText()).toContain('20/11/2026');
    await card.getByTestId('apology-submit').click();
    await h.visible(card.locator('.ant-form-item-explain-error').first());
    await input(op, 'apology-reason').fill('Cần xác minh thêm nguồn gốc đất');
    await input(op, 'apology-new-date').fill('31/02/2026');
    await card.getByTestId('apology-submit').click();
    await h.visible(card.getByText('Ngày không hợp lệ (dd/MM/yyyy)'));
    await input(op, 'apology-new-date').fill('15/12/2026');
    await input(op, 'apology-slip-date').fill('19/11/2026');
    await card.getByTestId('apology-submit').click();
    await h.visible(card.getByTestId('ticket-overdue-once'));
    expect(await card.getByTestId('ticket-overdue-new-date').innerText()).toBe('15/12/2026');
    expect(await card.getByTestId('apology-submit').count()).toBe(0);
    await h.shot(op, '06-overdue-apology');
    const stored = (await api.http.get(`/api/tickets/${created.body.id}`).set(operatorAuth)).body as TicketDetailView;
    expect(stored.overdueDossier).toMatchObject({
      newDueDate: '2026-12-15',
      apologySlipDate: '2026-11-19',
      apologyReason: 'Cần xác minh thêm nguồn gốc đất',
    });
  }, 60_000);

  it('a supervisor watching "at risk" sees an unassigned ticket arrive live when it turns warning, and takes it over', async () => {
    // An operator who never connected has no row on the status board: the picker still offers them (GET /users/operators).
    const ext = String(Date.now() % 1_000_000).padStart(6, '7');
    const fresh = await api.http
      .post('/api/users')
      .set(admin)
      .send({
        username: unique('dtv.moi.'),
        fullName: `Ksor H'Hen ${ext} (ĐTV)`,
        password: 'Matkhau@2026',
        role: 'operator',
        extension: ext,
      });
    expect(fresh.status).toBe(201);
    const sup = await h.newPage();
    await h.login(sup, api.url, 'supervisor1', DEMO_PASSWORD);
    await sup.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: 'Phiếu phản ánh' }).click();
    await sup.waitForURL(/\/tickets/);
    await h.visible(sup.locator('[data-testid=connection-state][data-state=online]'));
    const filter = sup.getByTestId('tickets-filter');
    await h.visible(filter.locator('.ant-segmented-item').filter({ hasText: 'Sắp / đã quá hạn' }));
    expect(await filter.locator('.ant-segmented-item').allInnerTexts()).toEqual([
      'Phiếu của tôi',
      'Tất cả',
      'Hàng đợi giám sát',
      'Sắp / đã quá hạn',
    ]);
    await filter.getByText('Sắp / đã quá hạn').click();
    await sup.evaluate('window.__notReloaded = true');

    const created = await api.http
      .post('/api/tickets')
      .set(operatorAuth)
      .send({
        kind: 'feedback',
        channel: 'zalo',
        phone: randomMobile('092'),
        subject: 'Phản ánh thái độ cán bộ một cửa',
        content: 'Chờ lâu',
        categoryId,
      });
    expect(created.status).toBe(201);
    // Not at risk yet: not listed. At 50 % of its 36 s first response the worker's warning event brings it in.
    expect(await sup.locator(`[data-testid=ticket-row][data-ticket-id="${created.body.id}"]`).count()).toBe(0);
    const row = sup.locator(`[data-testid=ticket-row][data-ticket-id="${created.body.id}"]`);
    await row.waitFor({ timeout: SLA_WAIT });
    await h.visible(row.locator('[data-testid=sla-firstResponse][data-sla-state=warning]'));
    expect(await sup.evaluate('window.__notReloaded')).toBe(true);
    await h.shot(sup, '07-supervisor-at-risk');

    await row.click();
    const drawer = await h.visible(sup.getByTestId('ticket-detail'));
    expect(await drawer.getByTestId('ticket-assignee').innerText()).toBe('Chưa giao');
    await drawer.getByTestId('ticket-assign-me').click();
    await h.visible(drawer.getByTestId('ticket-assignee').filter({ hasText: 'Tôi' }));
    const stored = (await api.http.get(`/api/tickets/${created.body.id}`).set(operatorAuth)).body as TicketDetailView;
    expect(stored.assigneeId).toBe(
      (
        await api.http
          .get('/api/auth/me')
          .set({ authorization: `Bearer ${(await login(api, 'supervisor1')).accessToken}` })
      ).body.id,
    );
    expect(stored.status).toBe('open');

    // Hand it to a named operator: the picker lists the operator board's names; the history says who, not an id.
    await drawer.getByTestId('ticket-assign-pick').click();
    await h.visible(
      sup
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: 'Trần Văn Minh (ĐTV) · máy nhánh 1002' }),
    );
    // Never connected: named with the extension, no live status.
    expect(
      await (
        await h.visible(
          sup.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: `Ksor H'Hen ${ext}` }),
        )
      ).innerText(),
    ).toBe(`Ksor H'Hen ${ext} (ĐTV) · máy nhánh ${ext}`);
    await h.shot(sup, '07b-assign-picker');
    await h.pickOption(sup, 'Trần Văn Minh (ĐTV)');
    await drawer.getByTestId('ticket-assign-submit').click();
    await h.visible(drawer.getByTestId('ticket-assignee').filter({ hasText: 'Trần Văn Minh (ĐTV)' }));
    const operator2 = (await api.http.get('/api/auth/me').set(operatorAuth)).body.id as string;
    expect(
      ((await api.http.get(`/api/tickets/${created.body.id}`).set(operatorAuth)).body as TicketDetailView).assigneeId,
    ).toBe(operator2);
    const handed = await h.visible(drawer.locator('[data-testid=ticket-history-item][data-action=reassigned]'));
    expect(await handed.innerText()).toContain('Tôi → Trần Văn Minh (ĐTV)');
    // The creator (operator2) is named too; no history row falls back to a short id.
    expect(await drawer.locator('[data-testid=ticket-history-item][data-action=created]').innerText()).toContain(
      'Trần Văn Minh (ĐTV)',
    );
    expect(await drawer.getByTestId('ticket-history').innerText()).not.toContain('Nhân viên …');
    await h.visible(sup.locator('.ant-message-notice').filter({ hasText: 'Đã giao phiếu' }));
    await handed.scrollIntoViewIfNeeded();
    await h.shot(sup, '07c-assigned-named');

    // English is one click away.
    await closeDrawer(sup);
    await sup.locator('.ant-layout-header .ant-segmented-item').filter({ hasText: 'EN' }).click();
    await h.visible(sup.getByRole('heading', { name: 'Tickets' }));
    expect(await filter.locator('.ant-segmented-item').allInnerTexts()).toEqual([
      'My tickets',
      'All',
      'Supervisor queue',
      'At risk / overdue',
    ]);
    await h.visible(
      row.locator('[data-testid=sla-firstResponse]').getByText(/^(\d{2}:\d{2}:\d{2} (left|over)|met at .+)$/),
    );
    await h.shot(sup, '08-english');
  }, 120_000);
});
