import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import type { MailOutboxListView, MailOutboxView, TicketView } from '@hotline/contracts';
import { ReconcilerService, loadFragment } from '@hotline/core';
import { FEEDBACK_CONFIG_SCHEMA } from '@hotline/feedback';
import { ADMIN_PASSWORD, type TestApi, login, startApi, startWorker, unique } from '../helpers/test-app';

interface Received {
  from: string;
  to: string[];
  fromHeader: string;
  subject: string;
  body: string;
  headers: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) of a header value, folded lines joined. */
function decodeHeader(v: string): string {
  return v
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** A single-part text message as nodemailer writes it (quoted-printable or base64 body). */
function parse(raw: string): Pick<Received, 'fromHeader' | 'subject' | 'body' | 'headers'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const rawBody = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(headers)?.[1].trim() ?? '';
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const body =
    cte === 'base64'
      ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? Buffer.from(
            rawBody
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : rawBody;
  return {
    fromHeader: decodeHeader(header('From')),
    subject: decodeHeader(header('Subject')),
    body: body.replace(/\r\n/g, '\n'),
    headers,
  };
}

/**
 * Outgoing mail through the transactional outbox, delivered by the real worker with nodemailer to an in-process SMTP server:
 * the forward to the agency, the Mẫu 04 apology slip to the citizen (Vietnamese UTF-8 intact), retries with backoff, failed →
 * a supervisor's retry, SMTP not configured → kept as `disabled` and sent once it is, Redis lost → the reconciler re-enqueues.
 */
describe('mail outbox (real worker, in-process SMTP server)', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let db: DataSource;
  let smtp: SMTPServer;
  let smtpUrl: string;
  /** SMTP answer to DATA: accept, or a temporary failure. */
  let mode: 'accept' | 'reject' = 'accept';
  const received: Received[] = [];
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  let agency: { id: string; name: string; email: string };
  const savedEnv = { ...process.env };

  const phone = () => `09${String(randomInt(10_000_000, 99_999_999))}`;
  const waitFor = async <T>(
    what: string,
    probe: () => Promise<T | undefined | null | false>,
    ms = 20_000,
  ): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const outbox = async (ticketId: string): Promise<MailOutboxView[]> => {
    const res = await api.http.get(`/api/feedback/outbox?ticketId=${ticketId}`).set(as('supervisor1'));
    expect(res.status).toBe(200);
    return (res.body as MailOutboxListView).items;
  };
  const mailTo = (to: string, marker: string) =>
    waitFor(`a mail to ${to}`, async () => received.find((m) => m.to.includes(to) && m.body.includes(marker)));
  const createTicket = async (body: Record<string, unknown>): Promise<TicketView> => {
    const res = await api.http
      .post('/api/tickets')
      .set(as('operator1'))
      .send({
        kind: 'feedback',
        channel: 'phone',
        phone: phone(),
        subject: 'Đường nội thôn xuống cấp',
        content: 'Đường liên xã Ia Kha hư hỏng nặng, đề nghị sửa chữa.',
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body;
  };
  const forward = async (ticketId: string, note: string) => {
    const res = await api.http
      .post(`/api/tickets/${ticketId}/forwards`)
      .set(as('operator1'))
      .send({ agencyId: agency.id, note });
    expect(res.status).toBe(201);
    return res.body as TicketView;
  };
  const restartWorker = async (env: Record<string, string | undefined>) => {
    await worker?.close();
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    // The worker reads its mail settings from the configuration it boots with: the api's, with the mail part read anew.
    worker = await startWorker({ ...api.config, feedback: loadFragment(FEEDBACK_CONFIG_SCHEMA, process.env) });
  };

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
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            ...parse(raw),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    Object.assign(process.env, {
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Tổng đài 0269.3888.222 <hotline@gialai.test>',
      MAIL_RETRY_BASE_MS: '200',
      MAIL_MAX_ATTEMPTS: '3',
    });
    api = await startApi();
    worker = await startWorker(api.config);
    db = api.app.get(DataSource);
    for (const [who, pw] of [
      ['admin', ADMIN_PASSWORD],
      ['operator1', undefined],
      ['supervisor1', undefined],
    ] as const)
      tokens[who] = (await login(api, who, pw)).accessToken;
    const created = await api.http
      .post('/api/feedback/agencies')
      .set(as('admin'))
      .send({
        code: unique('ubnd-ia-kha-'),
        name: 'UBND xã Ia Kha',
        email: `ubnd.iakha.${randomInt(1e9)}@gialai.test`,
      });
    expect(created.status).toBe(201);
    agency = created.body;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    for (const k of ['SMTP_URL', 'MAIL_FROM', 'MAIL_RETRY_BASE_MS', 'MAIL_MAX_ATTEMPTS']) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
  });

  it('a forward writes its mail in the same transaction and the worker delivers it: code, content, deadline, Vietnamese UTF-8 intact', async () => {
    const t = await createTicket({ citizenName: 'Nguyễn Văn Ánh' });
    const fwd = await forward(t.id, 'Đề nghị UBND xã kiểm tra, khắc phục trước mùa mưa.');
    expect(fwd.status).toBe('forwarded');
    // The row is in MySQL whatever happens to the delivery (committed with the forward).
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM mail_outbox WHERE ticket_id = ?', [t.id]))[0].n)).toBe(1);
    const mail = await mailTo(agency.email, t.code);
    expect(mail.subject).toBe(
      `[Tổng đài 0269.3888.222] Chuyển phản ánh ${t.code} – hạn xử lý ${formatLocal(t.sla.resolution!.dueAt!)}`,
    );
    expect(mail.body).toContain(`Kính gửi: UBND xã Ia Kha,`);
    expect(mail.body).toContain(`Mã phiếu: ${t.code}`);
    expect(mail.body).toContain(`Hạn xử lý: ${formatLocal(t.sla.resolution!.dueAt!)}`);
    expect(mail.body).toContain('Đường liên xã Ia Kha hư hỏng nặng, đề nghị sửa chữa.');
    expect(mail.body).toContain('Đề nghị UBND xã kiểm tra, khắc phục trước mùa mưa.');
    expect(mail.body).toContain('Người phản ánh: Nguyễn Văn Ánh');
    expect(mail.from).toBe('hotline@gialai.test');
    expect(mail.fromHeader).toBe('Tổng đài 0269.3888.222 <hotline@gialai.test>');
    expect(mail.headers).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
    const [row] = await waitFor('state sent', async () =>
      (await outbox(t.id))[0]?.state === 'sent' ? outbox(t.id) : null,
    );
    expect(row).toMatchObject({
      kind: 'agency_forward',
      ticketCode: t.code,
      to: agency.email,
      state: 'sent',
      attempts: 1,
      lastError: null,
    });
    expect(row.messageId).toBeTruthy();
    expect(row.sentAt).toBeTruthy();
    const history = (await api.http.get(`/api/tickets/${t.id}/history`).set(as('operator1'))).body.items as Array<{
      action: string;
      data: Record<string, unknown> | null;
    }>;
    expect(history.find((h) => h.action === 'forwarded')?.data).toMatchObject({ mailId: row.id });
  });

  it('a refused forward writes no mail; the outbox is for supervisors and admins only', async () => {
    const t = await createTicket({});
    const before = Number((await db.query('SELECT COUNT(*) AS n FROM mail_outbox')).map((r: { n: string }) => r.n)[0]);
    const res = await api.http
      .post(`/api/tickets/${t.id}/forwards`)
      .set(as('operator1'))
      .send({ agencyId: '01a2296b-0000-7000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM mail_outbox'))[0].n)).toBe(before);
    expect((await api.http.get('/api/feedback/outbox').set(as('operator1'))).status).toBe(403);
    expect((await api.http.get('/api/feedback/outbox?state=lost').set(as('supervisor1'))).status).toBe(400);
    expect((await api.http.get('/api/feedback/outbox?state=sent').set(as('admin'))).status).toBe(200);
  });

  it('the list answer: SMTP configured, counts per state, pages newest first by `before`; a bad cursor is a 400', async () => {
    const t = await createTicket({});
    for (const note of ['Lần 1', 'Lần 2', 'Lần 3']) {
      await forward(t.id, note);
      const back = await api.http.post(`/api/tickets/${t.id}/transitions`).set(as('operator1')).send({ to: 'open' });
      expect(back.status).toBe(200);
    }
    const all = await api.http.get('/api/feedback/outbox').query({ ticketId: t.id }).set(as('supervisor1'));
    const body = all.body as MailOutboxListView;
    expect(body.mailEnabled).toBe(true);
    expect(Object.values(body.counts).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.keys(body.counts).sort()).toEqual(['disabled', 'failed', 'pending', 'sent']);
    expect(body.nextBefore).toBeNull();
    const ids = body.items.map((m) => m.id);
    const p1 = (await api.http.get('/api/feedback/outbox').query({ ticketId: t.id, limit: 2 }).set(as('supervisor1')))
      .body as MailOutboxListView;
    expect(p1.items.map((m) => m.id)).toEqual(ids.slice(0, 2));
    expect(p1.nextBefore).toBe(ids[1]);
    const p2 = (
      await api.http
        .get('/api/feedback/outbox')
        .query({ ticketId: t.id, limit: 2, before: p1.nextBefore })
        .set(as('supervisor1'))
    ).body as MailOutboxListView;
    expect(p2.items.map((m) => m.id)).toEqual(ids.slice(2));
    expect(p2.nextBefore).toBeNull();
    // The one page shape: `nextCursor` passed back as `cursor` gives the same pages.
    expect(body.nextCursor).toBeNull();
    expect(p1.nextCursor).toEqual(expect.any(String));
    const c2 = (
      await api.http
        .get('/api/feedback/outbox')
        .query({ ticketId: t.id, limit: 2, cursor: p1.nextCursor })
        .set(as('supervisor1'))
    ).body as MailOutboxListView;
    expect(c2.items.map((m) => m.id)).toEqual(ids.slice(2));
    expect(c2.nextCursor).toBeNull();
    const badCursor = await api.http.get('/api/feedback/outbox').query({ cursor: 'bogus' }).set(as('supervisor1'));
    expect(badCursor.status).toBe(400);
    expect(JSON.stringify(badCursor.body)).toContain('cursor');
    const bad = await api.http
      .get('/api/feedback/outbox')
      .query({ before: '01a2296b-0000-7000-8000-000000000000' })
      .set(as('supervisor1'));
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0]).toMatchObject({ field: 'before', constraint: 'exists' });
    expect((await api.http.get('/api/feedback/outbox').query({ before: 'x' }).set(as('supervisor1'))).status).toBe(400);
  });

  it('the new date of an overdue dossier mails the Mẫu 04 apology slip to a citizen who has an email, and none to one who has not', async () => {
    const withEmail = phone();
    const email = `tran.thi.hoa.${randomInt(1e9)}@gialai.test`;
    const citizen = await api.http
      .post('/api/citizens')
      .set(as('operator1'))
      .send({ phone: withEmail, fullName: 'Trần Thị Hoà', email });
    expect(citizen.status).toBe(201);
    const overdue = (p: string) =>
      createTicket({
        kind: 'overdue_dossier',
        phone: p,
        overdue: { agencyId: agency.id, dossierCode: 'H21.52-260301-0042', originalDueDate: '2026-03-10' },
      });
    const t = await overdue(withEmail);
    const res = await api.http.post(`/api/tickets/${t.id}/overdue-dossier/apology`).set(as('operator1')).send({
      reason: 'Cần xác minh nguồn gốc đất với Văn phòng đăng ký đất đai',
      newDueDate: '2026-03-20',
      slipDate: '2026-03-09',
    });
    expect(res.status).toBe(200);
    const mail = await mailTo(email, 'H21.52-260301-0042');
    expect(mail.subject).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ H21.52-260301-0042 (mới: 20/03/2026)');
    expect(mail.body).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(mail.body).toContain('Kính gửi: Ông/Bà Trần Thị Hoà');
    expect(mail.body).toContain(
      'Ngày 10/03/2026, UBND xã Ia Kha có hẹn trả kết quả giải quyết hồ sơ mã số H21.52-260301-0042',
    );
    expect(mail.body).toContain('lý do: Cần xác minh nguồn gốc đất với Văn phòng đăng ký đất đai');
    expect(mail.body).toContain('xin hẹn lại thời gian trả kết quả vào ngày 20/03/2026');
    expect(mail.body).toContain(t.code);
    expect((await waitFor('sent', async () => (await outbox(t.id)).find((m) => m.state === 'sent'))).kind).toBe(
      'citizen_new_date',
    );

    const noEmail = await overdue(phone());
    const res2 = await api.http
      .post(`/api/tickets/${noEmail.id}/overdue-dossier/apology`)
      .set(as('operator1'))
      .send({ reason: 'Thiếu hồ sơ', newDueDate: '2026-03-25' });
    expect(res2.status).toBe(200);
    expect(await outbox(noEmail.id)).toEqual([]);
  });

  it('SMTP refuses → retries with backoff, last error kept, failed after MAIL_MAX_ATTEMPTS; a supervisor retry sends it', async () => {
    mode = 'reject';
    const t = await createTicket({});
    await forward(t.id, 'Lần gửi bị từ chối');
    const [failed] = await waitFor('state failed', async () =>
      (await outbox(t.id))[0]?.state === 'failed' ? outbox(t.id) : null,
    );
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/451|busy/i);
    expect(received.find((m) => m.body.includes(t.code))).toBeUndefined();
    // The attempts were spaced by the backoff (200 ms, then 400 ms): the row was updated at least 600 ms after it was created.
    expect(Date.parse(failed.updatedAt) - Date.parse(failed.createdAt)).toBeGreaterThanOrEqual(600);

    mode = 'accept';
    expect((await api.http.post(`/api/feedback/outbox/${failed.id}/retry`).set(as('operator1'))).status).toBe(403);
    const retried = await api.http.post(`/api/feedback/outbox/${failed.id}/retry`).set(as('supervisor1'));
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'pending', attempts: 0 });
    await mailTo(agency.email, t.code);
    const [sent] = await waitFor('state sent', async () =>
      (await outbox(t.id))[0]?.state === 'sent' ? outbox(t.id) : null,
    );
    expect(sent).toMatchObject({ attempts: 1, lastError: null });
    const again = await api.http.post(`/api/feedback/outbox/${failed.id}/retry`).set(as('supervisor1'));
    expect(again.status).toBe(409);
    expect(
      (await api.http.post('/api/feedback/outbox/01a2296b-0000-7000-8000-000000000000/retry').set(as('supervisor1')))
        .status,
    ).toBe(404);
  });

  it('SMTP not configured → kept as "disabled" (never lost); Redis lost meanwhile → once SMTP is set, the reconciler sends it', async () => {
    await restartWorker({ SMTP_URL: undefined });
    const t = await createTicket({});
    await forward(t.id, 'Gửi khi chưa cấu hình SMTP');
    const [disabled] = await waitFor('state disabled', async () =>
      (await outbox(t.id))[0]?.state === 'disabled' ? outbox(t.id) : null,
    );
    expect(disabled).toMatchObject({ state: 'disabled', attempts: 0, lastError: 'SMTP_URL is not set' });
    await worker!.close();
    worker = undefined;
    // Another forward while no worker runs: its row is pending and its job waits in Redis…
    const t2 = await createTicket({});
    await forward(t2.id, 'Gửi khi worker dừng, Redis mất dữ liệu');
    expect((await outbox(t2.id))[0]).toMatchObject({ state: 'pending', attempts: 0 });
    // …then Redis loses this run's queue keys (only ours: other runs share the Redis server) while no worker runs.
    const redis = new Redis({
      host: api.config.redis.host,
      port: api.config.redis.port,
      db: api.config.redis.db,
      password: api.config.redis.password,
    });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${api.config.redis.prefix}bull:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    await restartWorker({ SMTP_URL: smtpUrl });
    // The worker's startup pass (what `npm start` runs at boot; the test worker runs without the scheduler).
    const result = await worker!.get(ReconcilerService).run({ trigger: 'startup' });
    expect(result.MailOutboxReconciler).toBeGreaterThanOrEqual(2);
    for (const x of [t, t2]) {
      await mailTo(agency.email, x.code);
      const [sent] = await waitFor('state sent', async () =>
        (await outbox(x.id))[0]?.state === 'sent' ? outbox(x.id) : null,
      );
      expect(sent).toMatchObject({ state: 'sent', attempts: 1 });
    }
  });

  it('a delivery job that ended without updating its row does not block the message: the reconciler enqueues the attempt again', async () => {
    await worker?.close();
    worker = undefined;
    const t = await createTicket({});
    await forward(t.id, 'Công việc bị kẹt trong hàng đợi');
    const [row] = await outbox(t.id);
    expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    // Its job is replaced by one with the same id that ends without touching the row (as one that BullMQ gave up on would).
    const connection = new Redis({
      host: api.config.redis.host,
      port: api.config.redis.port,
      db: api.config.redis.db,
      password: api.config.redis.password,
      maxRetriesPerRequest: null,
    });
    const q = new Queue('mail', { connection, prefix: `${api.config.redis.prefix}bull` });
    try {
      const id = `mail__${row.id}__r1__a0`;
      await (await q.getJob(id))!.remove();
      await q.add(
        'mail-send',
        { outboxId: '01a2296b-0000-7000-8000-000000000000', round: 1, attempt: 0 },
        { jobId: id },
      );
      worker = await startWorker(api.config);
      await waitFor('the decoy job to finish', async () => (await (await q.getJob(id))?.getState()) === 'completed');
      expect((await outbox(t.id))[0]).toMatchObject({ state: 'pending', attempts: 0 });
      await worker.get(ReconcilerService).run({ trigger: 'schedule' });
      await mailTo(agency.email, t.code);
      expect((await waitFor('sent', async () => (await outbox(t.id)).find((m) => m.state === 'sent'))).attempts).toBe(
        1,
      );
    } finally {
      await q.close();
      connection.disconnect();
    }
  });
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
