/**
 * The dispatcher inbox in a real browser (Debian's Chromium + playwright-core) against the built UI served by the real
 * api, with the real worker: an operator's BCCI request is offered live (no reload) to the nearest always-open test
 * office; its dispatcher accepts, assigns a courier, records the pickup with the Decision 45 checklist and the delivery,
 * then remits the fee. The dispatcher of the other office never sees it; a rejected offer (reason required) moves live
 * to that other office. Screenshots: test-artifacts/dashboard/dispatcher-*.png (needs `npm run build` first).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { BcciRequestView } from '@hotline/contracts';
import { DEMO_PASSWORD } from '../helpers/test-app';
import { type DispatchWorld, dispatchWorld, requestBody } from '../dispatch/dispatch-fixtures';
import { BrowserHarness } from './browser';

let w: DispatchWorld;
const h = new BrowserHarness('dispatcher-');
const newPage = () => h.newPage();
const visible = h.visible.bind(h);
const shot = (page: Page, name: string) => h.shot(page, name);
const dialog = (page: Page, title: string) => h.dialog(page, title);
const uiLogin = (page: Page, username: string) => h.login(page, w.api.url, username, DEMO_PASSWORD);

async function openInbox(page: Page): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: 'Hộp việc bưu cục' }).click();
  await page.waitForURL(/\/dispatcher$/);
  await visible(page.getByRole('heading', { name: 'Hộp việc bưu cục' }));
  await visible(page.locator('[data-testid=connection-state][data-state=online]'));
}

async function createRequest(): Promise<BcciRequestView> {
  const res = await w.api.http
    .post('/api/bcci-requests')
    .set('authorization', `Bearer ${w.operator.token}`)
    .send(requestBody(w));
  if (res.status !== 201) throw new Error(`request: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as BcciRequestView;
}

beforeAll(async () => {
  await h.launch();
  // Two always-open test offices serving one commune (the demo offices there are switched off until close()).
  w = await dispatchWorld({ communeIndex: 65, offices: 2 });
}, 90_000);

afterAll(async () => {
  await h.close();
  await w?.close();
}, 30_000);

afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('dispatcher inbox in Chromium', () => {
  it('offers the request live to the routed office only; accept → courier → pickup checklist → delivery → remittance; reject moves it on', async () => {
    const [near, far] = w.offices;
    const d0 = await newPage();
    const d1 = await newPage();
    await uiLogin(d0, near.dispatcher.username);
    await uiLogin(d1, far.dispatcher.username);
    await openInbox(d0);
    await openInbox(d1);
    await visible(d0.getByTestId('offers-empty'));
    await visible(d1.getByTestId('offers-empty'));
    expect(await d0.getByTestId('unremitted-amount').innerText()).toContain('0 ₫');
    await d0.evaluate('window.__notReloaded = true');
    await d1.evaluate('window.__notReloaded = true');
    await shot(d0, '01-inbox-empty');

    // The operator creates a request over the API: the nearest office's dispatcher sees it arrive without reloading.
    const request = await createRequest();
    const legId = request.legs[0].id;
    const offer = await visible(d0.locator(`[data-testid=offer-item][data-leg-id="${legId}"]`));
    expect(await offer.getByTestId('offer-code').innerText()).toBe(request.code);
    await visible(offer.getByText('Mới'));
    expect(await offer.getByTestId('offer-countdown').innerText()).toMatch(/^Còn .+ để nhận$/);
    // The deadline shown is the server's (LegView.pendingOffer), in Vietnam time.
    const pending = (
      await w.api.http.get(`/api/bcci-legs/${legId}`).set('authorization', `Bearer ${near.dispatcher.token}`)
    ).body.pendingOffer as { deadlineAt: string };
    expect(await offer.getByTestId('offer-deadline').getAttribute('data-deadline')).toBe(pending.deadlineAt);
    expect(await offer.getByTestId('offer-deadline').innerText()).toMatch(
      /^Hạn nhận: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    expect(await offer.innerText()).toContain('25.000 ₫'); // postage, frozen at creation
    expect(await offer.innerText()).toContain('50.000 ₫'); // fee collected on behalf
    await visible(d0.locator('.ant-notification-notice').filter({ hasText: `Phân công mới: ${request.code}` }));
    expect(await d0.evaluate('window.__dispatchChimes')).toBe(1);
    expect(await d0.evaluate('window.__notReloaded')).toBe(true);
    await shot(d0, '02-new-assignment');

    // Accept: the leg moves to "in progress" with only its next allowed step.
    await offer.getByTestId('offer-accept').click();
    const row = () => d0.locator(`[data-testid=leg-row][data-leg-id="${legId}"]`);
    await visible(d0.locator(`[data-testid=leg-row][data-leg-id="${legId}"][data-state=accepted]`));
    // Whom to call and what to check: the request's contact and dossier are on the leg.
    await visible(
      d0
        .locator(`[data-testid=leg-row][data-leg-id="${legId}"] [data-testid=leg-contact]`)
        .filter({ hasText: String(request.dossierCode) }),
    );
    await d0.locator(`[data-testid=offer-item][data-leg-id="${legId}"]`).waitFor({ state: 'detached' });
    expect(await row().locator('button').allInnerTexts()).toEqual(['Giao bưu tá']);

    // Courier.
    await row().getByTestId('leg-action-courier').click();
    let modal = await dialog(d0, 'Giao bưu tá');
    await modal.getByTestId('courier-name').fill('Bưu tá Rơ Mah Hùng');
    await modal.getByTestId('leg-modal-ok').click();
    await visible(d0.locator(`[data-testid=leg-row][data-leg-id="${legId}"][data-state=courier_assigned]`));
    expect(await row().locator('button').allInnerTexts()).toEqual(['Lấy hàng', 'Phát không thành công']);

    // Pickup with the Decision 45 checklist: nothing ticked → refused on the spot; then complete it.
    await row().getByTestId('leg-action-pickup').click();
    modal = await dialog(d0, 'Lấy hàng');
    await modal.getByTestId('leg-modal-ok').click();
    await visible(modal.getByText('Phiếu gửi phải có chữ ký của cả hai bên'));
    await visible(modal.getByText('Hồ sơ phải được niêm phong trước mặt công dân'));
    await visible(modal.getByText('Có thu phí thì phải nhập số biên lai'));
    await modal.getByTestId('pickup-missing').click();
    await d0.keyboard.type('Bản sao CCCD');
    await d0.keyboard.press('Enter');
    await modal.locator('.ant-modal-title').click(); // closes the tag list without closing the modal
    await modal.getByTestId('pickup-slip').check();
    await modal.getByTestId('pickup-sealed').check();
    await modal.getByTestId('pickup-receipt').fill('BL-0001');
    await shot(d0, '03-pickup-checklist');
    await modal.getByTestId('leg-modal-ok').click();
    await visible(d0.locator(`[data-testid=leg-row][data-leg-id="${legId}"][data-state=picked_up]`));
    expect(await row().innerText()).toContain('Thiếu 1 giấy tờ');
    expect(await row().innerText()).toContain('Biên lai BL-0001');
    expect(await row().locator('button').allInnerTexts()).toEqual(['Phát', 'Phát không thành công']);
    await visible(d0.locator('[data-testid=unremitted-amount]').getByText('50.000 ₫'));

    // Proof of delivery.
    await row().getByTestId('leg-action-deliver').click();
    modal = await dialog(d0, 'Phát —');
    expect(await modal.getByTestId('deliver-at').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await modal.getByTestId('deliver-recipient').fill('Cán bộ một cửa');
    await modal.getByTestId('deliver-relation').locator('input').fill('Cơ quan tiếp nhận');
    await modal.getByTestId('leg-modal-ok').click();
    const done = await visible(d0.locator(`[data-testid=finished-item][data-leg-id="${legId}"]`));
    expect(await done.innerText()).toContain('Đã phát');
    expect(await done.innerText()).toContain('Cán bộ một cửa (Cơ quan tiếp nhận)');
    await row().waitFor({ state: 'detached' });
    const stored = await w.api.http
      .get(`/api/bcci-legs/${legId}`)
      .set('authorization', `Bearer ${near.dispatcher.token}`);
    expect(stored.body).toMatchObject({
      state: 'delivered',
      courierName: 'Bưu tá Rơ Mah Hùng',
      feeCollected: 50000,
      pickupChecklist: {
        missingDocuments: ['Bản sao CCCD'],
        slipSignedByBoth: true,
        sealedInFrontOfCitizen: true,
        feeReceiptNumber: 'BL-0001',
      },
      proofOfDelivery: { recipientName: 'Cán bộ một cửa', relation: 'Cơ quan tiếp nhận' },
    });
    await shot(d0, '04-delivered-fees');

    // The collected-not-remitted report downloads as a CSV Excel reads in Vietnamese (UTF-8 with BOM).
    const [download] = await Promise.all([d0.waitForEvent('download'), d0.getByTestId('fees-csv').click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^thu-ho-chua-nop-${near.code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(`${request.code},${request.dossierCode},`);
    expect(csv.toString('utf8')).toContain('Mã bưu cục,Tên bưu cục');

    // Remit the fee: the collected-not-remitted summary drops to zero.
    const feeRow = await visible(d0.locator(`[data-testid=fee-row][data-leg-id="${legId}"]`));
    await feeRow.locator('input[type=checkbox]').check();
    await d0.getByTestId('remit-reference').fill('UNC-2026-001');
    expect(await d0.getByTestId('remit-date').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await d0.getByTestId('remit-submit').click();
    await visible(d0.getByText('Đã ghi nhận nộp 50.000 ₫'));
    await visible(d0.locator('[data-testid=unremitted-amount]').getByText(/^0 ₫$/));
    await feeRow.waitFor({ state: 'detached' });
    await visible(
      d0.locator(
        `[data-testid=finished-item][data-leg-id="${legId}"] [data-testid=leg-remitted][data-reference=UNC-2026-001]`,
      ),
    );

    // The other office never saw any of it.
    expect(await d1.locator(`[data-leg-id="${legId}"]`).count()).toBe(0);
    expect(await d1.getByText(request.code).count()).toBe(0);
    await visible(d1.getByTestId('offers-empty'));
    expect(await d1.evaluate('window.__notReloaded')).toBe(true);

    // A second request: rejecting needs a reason; once given, the offer leaves this office and reaches the other live.
    const second = await createRequest();
    const legId2 = second.legs[0].id;
    await visible(d0.locator(`[data-testid=offer-item][data-leg-id="${legId2}"]`));
    // After a reload (no live event in memory) the offer keeps its deadline and the remitted fee
    // stays remitted: both come from the API.
    await d0.reload();
    await visible(d0.getByRole('heading', { name: 'Hộp việc bưu cục' }));
    const offer2 = await visible(d0.locator(`[data-testid=offer-item][data-leg-id="${legId2}"]`));
    expect(await offer2.getByTestId('offer-countdown').innerText()).toMatch(/^Còn .+ để nhận$/);
    await visible(offer2.getByTestId('offer-deadline'));
    await visible(
      d0
        .locator(`[data-testid=finished-item][data-leg-id="${legId}"] [data-testid=leg-remitted]`)
        .getByText('Đã nộp · UNC-2026-001'),
    );
    expect(await d0.locator(`[data-testid=fee-row][data-leg-id="${legId}"]`).count()).toBe(0);
    await shot(d0, '05a-after-reload');
    await offer2.getByTestId('offer-reject').click();
    modal = await dialog(d0, 'Từ chối phân công');
    await modal.getByTestId('leg-modal-ok').click();
    await visible(modal.getByText('Nhập lý do (ít nhất 3 ký tự)'));
    await modal.getByTestId('leg-reason').fill('Không đủ bưu tá trong ngày');
    await modal.getByTestId('leg-modal-ok').click();
    await d0.locator(`[data-testid=offer-item][data-leg-id="${legId2}"]`).waitFor({ state: 'detached' });
    const moved = await visible(d1.locator(`[data-testid=offer-item][data-leg-id="${legId2}"]`));
    expect(await moved.getByTestId('offer-code').innerText()).toBe(second.code);
    expect(await d1.evaluate('window.__notReloaded')).toBe(true);
    await shot(d1, '05-other-office-after-reject');

    // Muting is remembered; English is one click away.
    await d0.getByTestId('mute-toggle').click();
    await visible(d0.locator('[data-testid=mute-toggle][data-muted=true]'));
    await d0.locator('.ant-layout-header .ant-segmented-item').filter({ hasText: 'EN' }).click();
    await visible(d0.getByRole('heading', { name: 'Post office inbox' }));
    await visible(d0.getByTestId('finished-legs').getByText('Delivered'));
    await shot(d0, '06-english');
  }, 45_000);
});
