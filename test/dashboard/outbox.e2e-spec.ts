/**
 * The mail outbox screen (Hộp thư đi) in a real browser against the built UI, the real api and the real worker, delivering to an
 * in-process SMTP server: a forward's mail shows as pending while the SMTP server holds it and turns sent by itself; a mail the
 * server keeps refusing ends failed (attempts, last error) and is resent from the screen; its ticket code opens the ticket; with
 * SMTP_URL unset the screen says mail is disabled. Screenshots: test-artifacts/dashboard/outbox-*.png.
 */
import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { FEEDBACK_CONFIG_SCHEMA } from '@hotline/feedback';
import { loadFragment } from '@hotline/core';
import type { MailOutboxListView, MailOutboxView, TicketView } from '@hotline/contracts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, login, startApi, startWorker, unique, type TestApi } from '../helpers/test-app';
import { BrowserHarness } from './browser';

const h = new BrowserHarness('outbox-', 20_000);
let api: TestApi;
let worker: INestApplicationContext | undefined;
let page: Page;
let smtp: SMTPServer;
/** accept: 250; reject: 451; hold: the answer waits until release(). */
let mode: 'accept' | 'reject' | 'hold' = 'accept';
let held: Array<() => void> = [];
const received: Array<{ to: string[]; raw: string }> = [];
const tokens: Record<string, string> = {};
const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
let agency: { id: string; email: string };
const savedEnv = { ...process.env };
const MAIL_ENV = ['SMTP_URL', 'MAIL_FROM', 'MAIL_RETRY_BASE_MS', 'MAIL_MAX_ATTEMPTS'];

const release = () => {
  const cbs = held;
  held = [];
  for (const cb of cbs) cb();
};

async function forwardNewTicket(note: string): Promise<{ ticket: TicketView; mail: MailOutboxView }> {
  const created = await api.http
    .post('/api/tickets')
    .set(as('operator1'))
    .send({
      kind: 'feedback',
      channel: 'phone',
      phone: `09${randomInt(10_000_000, 99_999_999)}`,
      subject: 'Đèn đường thôn Plei Ring hỏng',
      content: 'Đèn đường hỏng hơn một tháng, đề nghị sửa chữa.',
    });
  expect(created.status).toBe(201);
  const fwd = await api.http
    .post(`/api/tickets/${created.body.id}/forwards`)
    .set(as('operator1'))
    .send({ agencyId: agency.id, note });
  expect(fwd.status).toBe(201);
  const list = await api.http.get('/api/feedback/outbox').query({ ticketId: created.body.id }).set(as('supervisor1'));
  expect(list.status).toBe(200);
  const [mail] = (list.body as MailOutboxListView).items;
  expect(mail).toBeDefined();
  return { ticket: created.body, mail };
}

async function apiState(id: string, ticketId: string): Promise<MailOutboxView> {
  const list = await api.http.get('/api/feedback/outbox').query({ ticketId }).set(as('supervisor1'));
  return (list.body as MailOutboxListView).items.find((m) => m.id === id)!;
}

async function openOutbox(): Promise<void> {
  await (await h.visible(page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: 'Hộp thư đi' }))).click();
  await page.waitForURL(/\/supervisor\/outbox$/);
  await h.visible(page.getByRole('heading', { name: 'Hộp thư đi' }));
}

const stateTag = (id: string) => page.getByTestId(`outbox-state-${id}`);
const rowOf = (id: string) => page.locator('tr.ant-table-row').filter({ has: stateTag(id) });

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (mode === 'reject') {
          const err = new Error('Mailbox busy, try later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const accept = () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        };
        if (mode === 'hold') held.push(accept);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  Object.assign(process.env, {
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    MAIL_FROM: 'Tổng đài 0269.3888.222 <hotline@gialai.test>',
    MAIL_RETRY_BASE_MS: '200',
    MAIL_MAX_ATTEMPTS: '2',
  });
  await h.launch();
  api = await startApi();
  worker = await startWorker(api.config);
  for (const [who, pw] of [
    ['admin', ADMIN_PASSWORD],
    ['operator1', DEMO_PASSWORD],
    ['supervisor1', DEMO_PASSWORD],
  ] as const)
    tokens[who] = (await login(api, who, pw)).accessToken;
  const created = await api.http
    .post('/api/feedback/agencies')
    .set(as('admin'))
    .send({
      code: unique('ubnd-plei-ring-'),
      name: 'UBND phường Pleiku',
      email: `ubnd.pleiku.${randomInt(1e9)}@gialai.test`,
    });
  expect(created.status).toBe(201);
  agency = created.body;
  page = await h.newPage();
  await h.login(page, api.url, 'supervisor1', DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  release();
  await h.close();
  await worker?.close();
  await api?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  for (const k of MAIL_ENV) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe('mail outbox screen (Hộp thư đi)', () => {
  it('a forward produces a row that shows pending while the SMTP server holds it, then turns sent by itself', async () => {
    await openOutbox();
    await h.visible(page.getByTestId('outbox-table'));
    mode = 'hold';
    const { ticket, mail } = await forwardNewTicket('Đề nghị kiểm tra, sửa chữa trong tuần.');
    await page.getByTestId('outbox-reload').click();
    const tag = await h.visible(stateTag(mail.id));
    await expect(tag.textContent()).resolves.toBe('Chờ gửi');
    const row = rowOf(mail.id);
    await h.visible(row.getByText(agency.email));
    await h.visible(row.getByRole('link', { name: ticket.code }));
    await h.visible(row.getByText(`Chuyển phản ánh ${ticket.code}`, { exact: false }));
    await h.visible(page.getByText('Tự cập nhật khi còn thư chờ gửi'));
    await h.shot(page, 'pending');
    // The SMTP server answers: the screen re-reads while a shown mail is pending, no click needed.
    const held0 = Date.now();
    while (!held.length) {
      if (Date.now() - held0 > 20_000) throw new Error('the worker never reached the SMTP server');
      await new Promise((r) => setTimeout(r, 100));
    }
    mode = 'accept';
    release();
    await h.visible(stateTag(mail.id).filter({ hasText: 'Đã gửi' }));
    const sent = await apiState(mail.id, ticket.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1 });
    await h.visible(rowOf(mail.id).getByText(formatLocal(sent.sentAt!)));
    expect(received.some((m) => m.to.includes(agency.email) && m.raw.includes(ticket.code))).toBe(true);
    // The body opens under the row.
    await rowOf(mail.id).locator('.ant-table-row-expand-icon').click();
    await h.visible(page.getByText('Nội dung thư'));
    await h.shot(page, 'sent');
    await rowOf(mail.id).locator('.ant-table-row-expand-icon').click();
  }, 90_000);

  it('a mail the server keeps refusing ends failed (attempts, last error) and is resent from the screen; its code opens the ticket', async () => {
    mode = 'reject';
    const { ticket, mail } = await forwardNewTicket('Lần gửi bị máy chủ thư từ chối.');
    const until = Date.now() + 30_000;
    while ((await apiState(mail.id, ticket.id)).state !== 'failed') {
      if (Date.now() > until) throw new Error('the mail did not fail');
      await new Promise((r) => setTimeout(r, 200));
    }
    await page
      .getByTestId('outbox-filter')
      .getByText(/^Gửi thất bại \(\d+\)$/)
      .click();
    const row = rowOf(mail.id);
    await h.visible(row.getByText('Thất bại'));
    await h.visible(row.getByText(/451.*busy/i));
    await expect(row.locator('td').nth(5).textContent()).resolves.toBe('2'); // attempts (expand, state, recipient, subject, ticket, attempts)
    await h.shot(page, 'failed');

    mode = 'accept';
    await page.getByTestId(`outbox-retry-${mail.id}`).click();
    await h.visible(page.getByText(`Đã đưa thư đến ${agency.email} vào hàng gửi lại`));
    // Resent: it leaves the failed list, and under "Tất cả" it turns sent.
    await rowOf(mail.id).waitFor({ state: 'detached' });
    await page
      .getByTestId('outbox-filter')
      .getByText(/^Tất cả \(\d+\)$/)
      .click();
    await h.visible(stateTag(mail.id).filter({ hasText: 'Đã gửi' }));
    expect(await apiState(mail.id, ticket.id)).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(received.filter((m) => m.raw.includes(ticket.code))).toHaveLength(1);
    await h.shot(page, 'resent');

    await rowOf(mail.id).getByRole('link', { name: ticket.code }).click();
    await page.waitForURL(new RegExp(`/tickets\\?ticket=${ticket.id}$`));
    await h.visible(page.getByTestId('ticket-detail'));
    await h.visible(page.locator('.ant-drawer').getByText(ticket.code, { exact: true }));
    await h.shot(page, 'ticket-opened');
  }, 90_000);

  it('without SMTP_URL the screen says mail is disabled and kept', async () => {
    await page.goto('about:blank'); // no socket left trying to reach the api that stops
    await worker?.close();
    worker = undefined;
    await api.close();
    delete process.env.SMTP_URL;
    // The api reads its mail settings from the configuration it boots with: the same one, its mail part read anew.
    const config = { ...api.config, feedback: loadFragment(FEEDBACK_CONFIG_SCHEMA, process.env) };
    api = await startApi({}, { config, seed: false });
    await h.login(page, api.url, 'supervisor1', DEMO_PASSWORD); // a new port is a new origin: its own storage
    await openOutbox();
    const banner = await h.visible(page.getByTestId('outbox-disabled-banner'));
    await expect(banner.textContent()).resolves.toContain('Chưa cấu hình máy chủ gửi thư (SMTP_URL)');
    await expect(banner.textContent()).resolves.toContain('khởi động lại worker');
    await h.shot(page, 'disabled');
    expect(h.pageErrors).toEqual([]);
  }, 90_000);
});

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, computed independently of the code under test. */
function formatLocal(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
