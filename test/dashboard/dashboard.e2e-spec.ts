/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the built UI served by the
 * real api, with the real worker delivering announcements over socket.io. `npm test` builds the dashboard first.
 * A screenshot per screen goes to test-artifacts/dashboard/ (git-ignored) for a person to look at.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Page as ApiPage, PostOfficeView } from '@hotline/contracts';
import { QUEUE_NAMES } from '@hotline/core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, login, startApi, startWorker, unique, type TestApi } from '../helpers/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '../../test-artifacts/dashboard');
const DASHBOARD_INDEX = join(__dirname, '../../apps/dashboard/dist/index.html');
const UI_TIMEOUT = 15_000;

/** The bits of the Web Animations API used in the page (the test itself compiles without the DOM library). */
interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

let api: TestApi;
let worker: INestApplicationContext;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  return page;
}

/** Screenshot once Ant Design's enter animations (notifications, modals) are over, so the picture is what a person sees. */
async function shot(page: Page, name: string): Promise<void> {
  // A function, not a string: the api's Content-Security-Policy forbids eval in the page. Endless animations
  // (a pulsing status dot) never finish and are left out.
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

let failures = 0;

/** Waits for the first match to show; on a timeout the page is saved as FAILED-<n>.png to see what was there instead. */
async function visible(locator: Locator): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible' });
  } catch (err) {
    await locator.page().screenshot({ path: join(ARTIFACTS, `FAILED-${++failures}.png`) }).catch(() => undefined);
    throw err;
  }
  return locator.first();
}

async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

async function uiLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${api.url}/login`);
  await fillLogin(page, username, password);
  await visible(page.getByTestId('home-greeting'));
}

/** Clicks an option of the Ant Design select that is open (its dropdown is rendered at the end of <body>). */
async function pickOption(page: Page, label: string): Promise<void> {
  await (await visible(page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }))).click();
}

async function menu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: label }).click();
}

beforeAll(async () => {
  if (!existsSync(DASHBOARD_INDEX)) throw new Error('apps/dashboard/dist is missing: run `npm run build` first (npm test does)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await startApi();
  worker = await startWorker(api.config);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // A fresh, throw-away profile per launch (playwright's default); no network besides the app under test.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 90_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await worker?.close();
  await api?.close();
}, 30_000);

afterEach(() => {
  // An uncaught exception in the page is a bug even when the screen looks right.
  expect(pageErrors).toEqual([]);
});

describe('dashboard in Chromium', () => {
  let admin: Page;
  let operator: Page;
  let supervisor: Page;

  it('refuses a wrong password in Vietnamese, then logs the admin in', async () => {
    admin = await newPage();
    await admin.goto(`${api.url}/`);
    await admin.waitForURL(/\/login$/);
    expect(await admin.evaluate('document.documentElement.lang')).toBe('vi');
    await visible(admin.getByRole('button', { name: 'Đăng nhập' }));
    await shot(admin, '01-login');

    await fillLogin(admin, 'admin', 'not-the-password');
    const error = await visible(admin.getByTestId('login-error'));
    expect(await error.innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await shot(admin, '02-login-wrong-password');

    await fillLogin(admin, 'admin', ADMIN_PASSWORD);
    const greeting = await visible(admin.getByTestId('home-greeting'));
    expect(await greeting.innerText()).toContain('Xin chào');
    await visible(admin.locator('[data-testid=connection-state][data-state=online]'));
    expect(await admin.getByTestId('user-role').innerText()).toContain('Quản trị');
    await shot(admin, '03-admin-home');
  }, 60_000);

  it('creates an operator from the users screen', async () => {
    await menu(admin, 'Người dùng');
    await admin.waitForURL(/\/admin\/users$/);
    await visible(admin.getByTestId('users-table').getByText('operator1', { exact: true }));
    await shot(admin, '04-users');

    const username = unique('dtv.e2e.');
    await admin.getByTestId('user-create').click();
    const dialog = await visible(admin.getByRole('dialog'));
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ và tên').fill('Đặng Thị Thử Nghiệm');
    const password = await dialog.locator('#user-form_password').inputValue();
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    // The role defaults to operator: no post office field for it.
    expect(await dialog.getByText('Điện thoại viên').count()).toBeGreaterThan(0);
    expect(await dialog.getByLabel('Bưu cục').count()).toBe(0);
    await dialog.getByLabel('Máy nhánh').fill(String(5000 + Math.floor(Math.random() * 4000)));
    await shot(admin, '05-user-create-form');
    await dialog.getByRole('button', { name: 'Thêm người dùng' }).click();

    await visible(admin.getByText(`Đã tạo tài khoản ${username}`));
    await visible(admin.getByTestId('users-table').getByText(username, { exact: true }));
    await shot(admin, '06-user-created');
    // The account really works with the password the form generated.
    const tokens = await login(api, username, password);
    expect(tokens.user).toMatchObject({ username, role: 'operator', fullName: 'Đặng Thị Thử Nghiệm' });
  }, 60_000);

  it('imports post offices from CSV: a bad line is shown with its number and nothing is written, then a good file', async () => {
    await menu(admin, 'Bưu cục');
    await admin.waitForURL(/\/admin\/post-offices$/);
    await visible(admin.getByTestId('post-offices-table').locator('tbody tr.ant-table-row'));
    await shot(admin, '07-post-offices');

    const code1 = unique('E2E');
    const code2 = unique('E2E');
    const header = 'code,name,address,commune_code,lat,lng,phone,opening_hours,daily_capacity,active,serves';
    const good1 = `${code1},Bưu cục Thử nghiệm Hội Phú,12 Trần Phú,23575,13.9800,108.0050,0269 3824 445,"T2-T6 07:00-11:30,13:30-17:00; T7 07:00-11:30",80,true,23586;23590`;
    const good2 = `${code2},Bưu cục Thử nghiệm Biển Hồ,3 Tôn Đức Thắng,23575,14.0420,107.9980,,,40,có,`;
    const bad = `${code2},Bưu cục lỗi,1 Lê Lợi,99999,13.98,108.00,,,40,true,`;

    await admin.getByTestId('import-open').click();
    const dialog = await visible(admin.getByRole('dialog'));
    const fileInput = dialog.locator('input[type=file]');
    await fileInput.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from([header, good1, bad].join('\r\n') + '\r\n', 'utf8') });
    await dialog.getByTestId('import-submit').click();
    const errors = await visible(dialog.getByTestId('import-errors'));
    const row = errors.locator('tbody tr').filter({ hasText: '99999' });
    await visible(row);
    expect(await row.locator('td').first().innerText()).toBe('3');
    expect(await row.innerText()).toContain('Xã/phường');
    expect(await dialog.getByTestId('import-errors-summary').innerText()).toContain('Chưa có dòng nào được ghi');
    await shot(admin, '08-import-line-error');
    const none = await api.http.get('/api/post-offices').query({ q: code1 }).set('authorization', `Bearer ${(await login(api, 'admin', ADMIN_PASSWORD)).accessToken}`);
    expect((none.body as ApiPage<PostOfficeView>).items).toEqual([]);

    await fileInput.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from([header, good1, good2].join('\r\n') + '\r\n', 'utf8') });
    await dialog.getByTestId('import-submit').click();
    const result = await visible(dialog.getByTestId('import-result'));
    expect(await result.innerText()).toContain('Đã nhập 2 dòng: 2 bưu cục mới, 0 bưu cục được cập nhật.');
    await shot(admin, '09-import-ok');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();

    const search = admin.getByPlaceholder('Tìm theo mã, tên, địa chỉ');
    await search.fill(code1);
    await search.press('Enter');
    const imported = await visible(admin.getByTestId('post-offices-table').locator('tbody tr.ant-table-row').filter({ hasText: code1 }));
    expect(await imported.innerText()).toContain('0269 3824 445');
    expect(await imported.innerText()).toContain('T2–T6 07:00–11:30, 13:30–17:00 · T7 07:00–11:30');
    await shot(admin, '10-post-office-imported');
  }, 60_000);

  it('shows the communes, the queue board link, and switches to English', async () => {
    await menu(admin, 'Xã, phường');
    await admin.waitForURL(/\/admin\/communes$/);
    await visible(admin.getByText('135 xã, phường của tỉnh Gia Lai'));
    await shot(admin, '11-communes');

    const [board] = await Promise.all([admin.context().waitForEvent('page'), admin.getByTestId('external-queues').click()]);
    await board.waitForURL(/\/admin\/queues/);
    await board.waitForLoadState('domcontentloaded');
    expect(board.url()).not.toContain('token=');
    for (const name of QUEUE_NAMES) await visible(board.getByText(name, { exact: true }));
    await shot(board, '12-queue-board');
    await board.close();

    await admin.locator('.ant-segmented-item').filter({ hasText: 'EN' }).click();
    await visible(admin.getByRole('heading', { name: 'Communes' }));
    expect(await admin.evaluate('document.documentElement.lang')).toBe('en');
    await admin.locator('.ant-segmented-item').filter({ hasText: 'VI' }).click();
    await visible(admin.getByRole('heading', { name: 'Xã, phường' }));
  }, 60_000);

  it('delivers a supervisor announcement to role:operator live, without a reload, and not to other roles', async () => {
    operator = await newPage();
    await uiLogin(operator, 'operator1', DEMO_PASSWORD);
    await visible(operator.locator('[data-testid=connection-state][data-state=online]'));
    // A marker on window survives only if the page is never reloaded.
    await operator.evaluate('window.__notReloaded = true');

    supervisor = await newPage();
    await uiLogin(supervisor, 'supervisor1', DEMO_PASSWORD);
    await visible(supervisor.locator('[data-testid=connection-state][data-state=online]'));
    await menu(supervisor, 'Bản đồ Gia Lai');
    const map = await visible(supervisor.getByTestId('gia-lai-map'));
    await visible(map.locator('path.commune'));
    expect(await map.locator('path.commune').count()).toBe(135);
    expect(await map.locator('path.commune[data-remote=true]').count()).toBeGreaterThan(0);
    expect(await map.locator('circle.office').count()).toBeGreaterThanOrEqual(135);
    await map.locator('circle.office').first().hover();
    await visible(supervisor.getByRole('tooltip'));
    await shot(supervisor, '13-supervisor-map');

    await menu(supervisor, 'Gửi thông báo');
    await supervisor.waitForURL(/\/supervisor\/announcements$/);
    await supervisor.getByText('Theo vai trò').click();
    await supervisor.locator('#announcement-form_role').click({ force: true });
    await pickOption(supervisor, 'Điện thoại viên');
    const text = `Thông báo kiểm thử ${unique('')}: họp giao ban lúc 16:30, các điện thoại viên lưu ý.`;
    await supervisor.getByTestId('announce-message').fill(text);
    await shot(supervisor, '14-announcement-form');
    await supervisor.getByTestId('announce-send').click();
    await visible(supervisor.getByText('Đã gửi thông báo tới vai trò Điện thoại viên'));

    const note = await visible(operator.getByTestId('announcement-notification').filter({ hasText: text }));
    expect(await note.innerText()).toContain(text);
    await visible(operator.getByText('Thông báo từ Lê Thị Hoa (Giám sát)'));
    await visible(operator.getByTestId('home-announcements').getByText(text));
    expect(await operator.evaluate('window.__notReloaded')).toBe(true);
    await shot(operator, '15-operator-announcement');

    await shot(supervisor, '16-announcement-sent');
    // The worker emitted to role:operator only: the supervisor's own page got nothing.
    expect(await supervisor.getByTestId('announcement-notification').count()).toBe(0);
  }, 60_000);
});

describe('dispatcher shell', () => {
  it('shows the dispatcher their post office and only the screens of their role', async () => {
    const page = await newPage();
    await uiLogin(page, 'dispatcher.pleiku', DEMO_PASSWORD);
    expect(await page.getByTestId('user-role').innerText()).toMatch(/Điều phối viên bưu cục · .*Pleiku/);
    expect(await page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts()).toEqual(['Trang chủ', 'Hộp việc bưu cục']);
    await page.goto(`${api.url}/admin/users`);
    await visible(page.getByText('Không có quyền truy cập'));
    await shot(page, '18-dispatcher-forbidden');
  }, 60_000);
});

describe('login lockout', () => {
  let strict: TestApi;

  beforeAll(async () => {
    strict = await startApi({ LOGIN_LIMIT_PER_USER: '2', LOGIN_WINDOW_SECONDS: '120' }, { seed: false });
  }, 60_000);

  afterAll(async () => {
    await strict?.close();
  });

  it('tells the user in Vietnamese how long to wait after too many attempts', async () => {
    const page = await newPage();
    await page.goto(`${strict.url}/login`);
    for (let i = 0; i < 2; i++) {
      await fillLogin(page, 'operator2', 'wrong-password-1');
      await visible(page.getByTestId('login-error').filter({ hasText: 'không đúng' }));
    }
    await fillLogin(page, 'operator2', 'wrong-password-1');
    const locked = await visible(page.getByTestId('login-error').filter({ hasText: 'thử lại sau' }));
    expect(await locked.innerText()).toMatch(/Đăng nhập sai quá nhiều lần.*Vui lòng thử lại sau (\d+ phút \d{2} giây|\d+ giây)\./s);
    expect(await page.getByTestId('login-submit').isDisabled()).toBe(true);
    await shot(page, '17-login-locked');
  }, 60_000);
});
