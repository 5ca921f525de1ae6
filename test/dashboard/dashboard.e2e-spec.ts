/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the built UI served by the
 * real api, with the real worker delivering announcements over socket.io. `npm test` builds the dashboard first.
 * Chromium, screenshots (test-artifacts/dashboard/dashboard-*.png, git-ignored) and page errors through the shared
 * harness (./browser.ts).
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'playwright-core';
import type { Page as ApiPage, PostOfficeView } from '@hotline/contracts';
import { queueNames } from '@hotline/core';
import { JOB_CATALOG } from '../../apps/composition/src';
import { ADMIN_PASSWORD, DEMO_PASSWORD, login, startApi, startWorker, unique, type TestApi } from '../helpers/test-app';
import { BrowserHarness } from './browser';

let api: TestApi;
let worker: INestApplicationContext;
/** Screenshots: test-artifacts/dashboard/dashboard-*.png. */
const harness = new BrowserHarness('dashboard-', 15_000);
const VIEWPORT = { width: 1440, height: 900 };

/** The login form without waiting for the home page: the refusals (wrong password, lockout) are what is tested. */
async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

async function menu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: label }).click();
}

beforeAll(async () => {
  await harness.launch();
  api = await startApi();
  worker = await startWorker(api.config);
}, 90_000);

afterAll(async () => {
  await harness.close();
  await worker?.close();
  await api?.close();
}, 30_000);

afterEach(() => {
  // An uncaught exception in the page is a bug even when the screen looks right.
  expect(harness.pageErrors).toEqual([]);
});

describe('dashboard in Chromium', () => {
  let admin: Page;
  let operator: Page;
  let supervisor: Page;

  it('refuses a wrong password in Vietnamese, then logs the admin in', async () => {
    admin = await harness.newPage(VIEWPORT);
    await admin.goto(`${api.url}/`);
    await admin.waitForURL(/\/login$/);
    expect(await admin.evaluate('document.documentElement.lang')).toBe('vi');
    await harness.visible(admin.getByRole('button', { name: 'Đăng nhập' }));
    await harness.shot(admin, '01-login');

    await fillLogin(admin, 'admin', 'not-the-password');
    const error = await harness.visible(admin.getByTestId('login-error'));
    expect(await error.innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await harness.shot(admin, '02-login-wrong-password');

    await fillLogin(admin, 'admin', ADMIN_PASSWORD);
    const greeting = await harness.visible(admin.getByTestId('home-greeting'));
    expect(await greeting.innerText()).toContain('Xin chào');
    await harness.visible(admin.locator('[data-testid=connection-state][data-state=online]'));
    expect(await admin.getByTestId('user-role').innerText()).toContain('Quản trị');
    await harness.shot(admin, '03-admin-home');
  }, 60_000);

  it('creates an operator from the users screen', async () => {
    await menu(admin, 'Người dùng');
    await admin.waitForURL(/\/admin\/users$/);
    // The list pages on the server in username order (other suites sharing this database add accounts): search, as people do.
    const search = admin.getByPlaceholder('Tìm theo tên đăng nhập, họ tên');
    await search.fill('operator1');
    await search.press('Enter');
    await harness.visible(admin.getByTestId('users-table').getByText('operator1', { exact: true }));
    await harness.shot(admin, '04-users');

    const username = unique('dtv.e2e.');
    await admin.getByTestId('user-create').click();
    const dialog = await harness.visible(admin.getByRole('dialog'));
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ và tên').fill('Đặng Thị Thử Nghiệm');
    const password = await dialog.locator('#user-form_password').inputValue();
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    // The role defaults to operator: no post office field for it.
    expect(await dialog.getByText('Điện thoại viên').count()).toBeGreaterThan(0);
    expect(await dialog.getByLabel('Bưu cục').count()).toBe(0);
    await dialog.getByLabel('Máy nhánh').fill(String(5000 + Math.floor(Math.random() * 4000)));
    await harness.shot(admin, '05-user-create-form');
    await dialog.getByRole('button', { name: 'Thêm người dùng' }).click();

    await harness.visible(admin.getByText(`Đã tạo tài khoản ${username}`));
    await search.fill(username);
    await search.press('Enter');
    await harness.visible(admin.getByTestId('users-table').getByText(username, { exact: true }));
    await harness.shot(admin, '06-user-created');
    // The account really works with the password the form generated.
    const tokens = await login(api, username, password);
    expect(tokens.user).toMatchObject({ username, role: 'operator', fullName: 'Đặng Thị Thử Nghiệm' });
  }, 60_000);

  it('imports post offices from CSV: a bad line is shown with its number and nothing is written, then a good file', async () => {
    await menu(admin, 'Bưu cục');
    await admin.waitForURL(/\/admin\/post-offices$/);
    await harness.visible(admin.getByTestId('post-offices-table').locator('tbody tr.ant-table-row'));
    await harness.shot(admin, '07-post-offices');

    const code1 = unique('E2E');
    const code2 = unique('E2E');
    const header = 'code,name,address,commune_code,lat,lng,phone,opening_hours,daily_capacity,active,serves';
    const good1 = `${code1},Bưu cục Thử nghiệm Hội Phú,12 Trần Phú,23575,13.9800,108.0050,0269 3824 445,"T2-T6 07:00-11:30,13:30-17:00; T7 07:00-11:30",80,true,23586;23590`;
    const good2 = `${code2},Bưu cục Thử nghiệm Biển Hồ,3 Tôn Đức Thắng,23575,14.0420,107.9980,,,40,có,`;
    const bad = `${code2},Bưu cục lỗi,1 Lê Lợi,99999,13.98,108.00,,,40,true,`;

    await admin.getByTestId('import-open').click();
    const dialog = await harness.visible(admin.getByRole('dialog'));
    const fileInput = dialog.locator('input[type=file]');
    await fileInput.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, good1, bad].join('\r\n') + '\r\n', 'utf8'),
    });
    await dialog.getByTestId('import-submit').click();
    const errors = await harness.visible(dialog.getByTestId('import-errors'));
    const row = errors.locator('tbody tr').filter({ hasText: '99999' });
    await harness.visible(row);
    expect(await row.locator('td').first().innerText()).toBe('3');
    expect(await row.innerText()).toContain('Xã/phường');
    // The rule (constraint `exists`) in Vietnamese, not the server's "unknown commune code".
    expect(await row.innerText()).toContain('“99999” không có trong danh mục');
    expect(await dialog.getByTestId('import-errors-summary').innerText()).toContain('Chưa có dòng nào được ghi');
    await harness.shot(admin, '08-import-line-error');
    const none = await api.http
      .get('/api/post-offices')
      .query({ q: code1 })
      .set('authorization', `Bearer ${(await login(api, 'admin', ADMIN_PASSWORD)).accessToken}`);
    expect((none.body as ApiPage<PostOfficeView>).items).toEqual([]);

    await fileInput.setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, good1, good2].join('\r\n') + '\r\n', 'utf8'),
    });
    await dialog.getByTestId('import-submit').click();
    const result = await harness.visible(dialog.getByTestId('import-result'));
    expect(await result.innerText()).toContain('Đã nhập 2 dòng: 2 bưu cục mới, 0 bưu cục được cập nhật.');
    await harness.shot(admin, '09-import-ok');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();

    const search = admin.getByPlaceholder('Tìm theo mã, tên, địa chỉ');
    await search.fill(code1);
    await search.press('Enter');
    const imported = await harness.visible(
      admin.getByTestId('post-offices-table').locator('tbody tr.ant-table-row').filter({ hasText: code1 }),
    );
    expect(await imported.innerText()).toContain('0269 3824 445');
    expect(await imported.innerText()).toContain('T2–T6 07:00–11:30, 13:30–17:00 · T7 07:00–11:30');
    await harness.shot(admin, '10-post-office-imported');
  }, 60_000);

  it('shows the communes, the queue board link, and switches to English', async () => {
    await menu(admin, 'Xã, phường');
    await admin.waitForURL(/\/admin\/communes$/);
    await harness.visible(admin.getByText('135 xã, phường của tỉnh Gia Lai'));
    await harness.shot(admin, '11-communes');

    const [board] = await Promise.all([
      admin.context().waitForEvent('page'),
      admin.getByTestId('external-queues').click(),
    ]);
    await board.waitForURL(/\/admin\/queues/);
    await board.waitForLoadState('domcontentloaded');
    expect(board.url()).not.toContain('token=');
    for (const name of queueNames(JOB_CATALOG)) await harness.visible(board.getByText(name, { exact: true }));
    await harness.shot(board, '12-queue-board');
    await board.close();

    await admin.locator('.ant-segmented-item').filter({ hasText: 'EN' }).click();
    await harness.visible(admin.getByRole('heading', { name: 'Communes' }));
    expect(await admin.evaluate('document.documentElement.lang')).toBe('en');
    await admin.locator('.ant-segmented-item').filter({ hasText: 'VI' }).click();
    await harness.visible(admin.getByRole('heading', { name: 'Xã, phường' }));
  }, 60_000);

  it('delivers a supervisor announcement to role:operator live, without a reload, and not to other roles', async () => {
    operator = await harness.newPage(VIEWPORT);
    await harness.login(operator, api.url, 'operator1', DEMO_PASSWORD);
    await harness.visible(operator.locator('[data-testid=connection-state][data-state=online]'));
    // A marker on window survives only if the page is never reloaded.
    await operator.evaluate('window.__notReloaded = true');

    supervisor = await harness.newPage(VIEWPORT);
    await harness.login(supervisor, api.url, 'supervisor1', DEMO_PASSWORD);
    await harness.visible(supervisor.locator('[data-testid=connection-state][data-state=online]'));
    await menu(supervisor, 'Bản đồ Gia Lai');
    const map = await harness.visible(supervisor.getByTestId('gia-lai-map'));
    await harness.visible(map.locator('path.commune'));
    expect(await map.locator('path.commune').count()).toBe(135);
    expect(await map.locator('path.commune[data-remote=true]').count()).toBeGreaterThan(0);
    expect(await map.locator('circle.office').count()).toBeGreaterThanOrEqual(135);
    // An office with nothing drawn over it (a leg of an earlier spec may sit on the first office's point).
    const offices = map.locator('circle.office');
    let free = offices.first();
    for (let i = 0; i < 20; i++) {
      const candidate = offices.nth(i);
      if (
        await candidate.hover({ trial: true, timeout: 500 }).then(
          () => true,
          () => false,
        )
      ) {
        free = candidate;
        break;
      }
    }
    await free.hover();
    await harness.visible(supervisor.getByRole('tooltip'));
    await harness.shot(supervisor, '13-supervisor-map');

    await menu(supervisor, 'Gửi thông báo');
    await supervisor.waitForURL(/\/supervisor\/announcements$/);
    await supervisor.getByText('Theo vai trò').click();
    await supervisor.locator('#announcement-form_role').click({ force: true });
    await harness.pickOption(supervisor, 'Điện thoại viên');
    const text = `Thông báo kiểm thử ${unique('')}: họp giao ban lúc 16:30, các điện thoại viên lưu ý.`;
    await supervisor.getByTestId('announce-message').fill(text);
    await harness.shot(supervisor, '14-announcement-form');
    await supervisor.getByTestId('announce-send').click();
    await harness.visible(supervisor.getByText('Đã gửi thông báo tới vai trò Điện thoại viên'));

    const note = await harness.visible(operator.getByTestId('announcement-notification').filter({ hasText: text }));
    expect(await note.innerText()).toContain(text);
    await harness.visible(operator.getByText('Thông báo từ Lê Thị Hoa (Giám sát)'));
    await harness.visible(operator.getByTestId('home-announcements').getByText(text));
    expect(await operator.evaluate('window.__notReloaded')).toBe(true);
    await harness.shot(operator, '15-operator-announcement');

    await harness.shot(supervisor, '16-announcement-sent');
    // The worker emitted to role:operator only: the supervisor's own page got nothing.
    expect(await supervisor.getByTestId('announcement-notification').count()).toBe(0);
  }, 60_000);
});

describe('dispatcher shell', () => {
  it('shows the dispatcher their post office and only the screens of their role', async () => {
    const page = await harness.newPage(VIEWPORT);
    await harness.login(page, api.url, 'dispatcher.pleiku', DEMO_PASSWORD);
    expect(await page.getByTestId('user-role').innerText()).toMatch(/Điều phối viên bưu cục · .*Pleiku/);
    expect(await page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts()).toEqual([
      'Trang chủ',
      'Hộp việc bưu cục',
    ]);
    await page.goto(`${api.url}/admin/users`);
    await harness.visible(page.getByText('Không có quyền truy cập'));
    await harness.shot(page, '18-dispatcher-forbidden');
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
    const page = await harness.newPage(VIEWPORT);
    await page.goto(`${strict.url}/login`);
    for (let i = 0; i < 2; i++) {
      await fillLogin(page, 'operator2', 'wrong-password-1');
      await harness.visible(page.getByTestId('login-error').filter({ hasText: 'không đúng' }));
    }
    await fillLogin(page, 'operator2', 'wrong-password-1');
    const locked = await harness.visible(page.getByTestId('login-error').filter({ hasText: 'thử lại sau' }));
    expect(await locked.innerText()).toMatch(
      /Đăng nhập sai quá nhiều lần.*Vui lòng thử lại sau (\d+ phút \d{2} giây|\d+ giây)\./s,
    );
    expect(await page.getByTestId('login-submit').isDisabled()).toBe(true);
    await harness.shot(page, '17-login-locked');
  }, 60_000);
});
