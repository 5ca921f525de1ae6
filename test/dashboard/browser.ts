/**
 * One Chromium harness for the dashboard's browser tests: Debian's /usr/bin/chromium driven by playwright-core (never
 * a downloaded browser), pages in Vietnamese locale and Asia/Ho_Chi_Minh, page errors collected (a test asserts none),
 * screenshots under test-artifacts/dashboard (git-ignored), and a failure screenshot when an awaited element never
 * shows. The UI must be built first (`npm run build`; `npm test` does).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '../../test-artifacts/dashboard');
const DASHBOARD_INDEX = join(__dirname, '../../apps/dashboard/dist/index.html');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

export class BrowserHarness {
  readonly pageErrors: string[] = [];
  private browser?: Browser;
  private readonly contexts: BrowserContext[] = [];
  private failures = 0;

  /** prefix: this spec's screenshot names start with it; earlier ones are removed at launch. */
  constructor(
    private readonly prefix: string,
    private readonly uiTimeout = 10_000,
  ) {}

  async launch(): Promise<void> {
    if (!existsSync(DASHBOARD_INDEX))
      throw new Error('apps/dashboard/dist is missing: run `npm run build` first (npm test does)');
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(this.prefix)) rmSync(join(ARTIFACTS, f), { force: true });
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }

  /** A new browser context (its own cookies and storage: another user on another PC) with one page. */
  async newPage(viewport = { width: 1440, height: 1000 }): Promise<Page> {
    if (!this.browser) throw new Error('BrowserHarness.launch() first');
    const context = await this.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(this.uiTimeout);
    page.on('pageerror', (err) => this.pageErrors.push(`${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text()))
        this.pageErrors.push(`${page.url()} console: ${msg.text()}`);
    });
    return page;
  }

  /** Full-page screenshot once finite animations have settled: test-artifacts/dashboard/<prefix><name>.png. */
  async shot(page: Page, name: string): Promise<void> {
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    await page.screenshot({ path: join(ARTIFACTS, `${this.prefix}${name}.png`), fullPage: true });
  }

  /** Waits for the first match to be visible; on failure saves <prefix>FAILED-n.png before rethrowing. */
  async visible(locator: Locator): Promise<Locator> {
    try {
      await locator.first().waitFor({ state: 'visible' });
    } catch (err) {
      await locator
        .page()
        .screenshot({ path: join(ARTIFACTS, `${this.prefix}FAILED-${++this.failures}.png`), fullPage: true })
        .catch(() => undefined);
      throw err;
    }
    return locator.first();
  }

  /** Logs in through the login form and waits for the home page. */
  async login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByTestId('login-submit').click();
    await this.visible(page.getByTestId('home-greeting'));
  }

  /**
   * Types into the open (searchable) select, then clicks the option: the dropdown is a virtual list that renders only the
   * first rows, and the e2e files share a database where earlier files add rows.
   */
  async searchOption(page: Page, label: string): Promise<void> {
    await page.keyboard.type(label);
    await this.pickOption(page, label);
  }

  /**
   * Clicks an option of the open Ant Design select dropdown and waits until the pick took: the dropdown closed (a single
   * select) or the option is marked selected (a multiple one). A list that re-renders under the pointer (live data
   * arriving while the person picks) can swallow a click: then pick again, as a person would, instead of clicking on
   * through a dropdown that still covers the form.
   */
  async pickOption(page: Page, label: string): Promise<void> {
    const open = page.locator('.ant-select-dropdown:visible');
    const option = open.locator('.ant-select-item-option').filter({ hasText: label }).first();
    const selected = () =>
      option
        .evaluate((el) => el.classList.contains('ant-select-item-option-selected'), null, { timeout: 100 })
        .catch(() => false);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await (await this.visible(option)).click();
      for (let waited = 0; waited < 2000; waited += 100) {
        if ((await open.count()) === 0 || (await selected())) return;
        await page.waitForTimeout(100);
      }
    }
  }

  /** The open dialog whose text contains the title. */
  dialog(page: Page, title: string): Promise<Locator> {
    return this.visible(page.getByRole('dialog').filter({ hasText: title }));
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
  }
}
