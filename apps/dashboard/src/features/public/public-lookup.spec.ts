import { ApiError, NetworkError } from '../../lib/api-client';
import { lookup, lookupTarget, normalizeCode } from './public-lookup';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('public lookup', () => {
  it('a BC- code is a BCCI request, anything else a ticket', () => {
    expect(lookupTarget('bc-260101-000001')).toBe('request');
    expect(lookupTarget('PA260101-ABCDE')).toBe('ticket');
    expect(normalizeCode(' bc-260101 -000001 ')).toBe('BC-260101-000001');
  });

  it('asks the right endpoint without any token, phone as typed', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return json(200, {
        code: 'BC-260101-000001',
        option: 'send_dossier',
        createdAt: '2026-01-01T01:00:00.000Z',
        legs: [],
      });
    }) as typeof fetch;
    const r = await lookup('bc-260101-000001', '0912 345 678', fetchFn);
    expect(r.type).toBe('request');
    expect(calls[0][0]).toBe('/api/public/requests/BC-260101-000001?phone=0912%20345%20678');
    expect(JSON.stringify(calls[0][1])).not.toMatch(/authorization/i);
    await lookup('pa260101-abcde', '0912345678', fetchFn);
    expect(calls[1][0]).toBe('/api/public/tickets/PA260101-ABCDE?phone=0912345678');
  });

  it('404 and 429 (with its wait) come back as ApiError; no network is NetworkError', async () => {
    await expect(
      lookup('BC-260101-000001', '0912345678', (async () =>
        json(404, { statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'x' })) as typeof fetch),
    ).rejects.toMatchObject({ status: 404 });
    const e = await lookup('BC-260101-000001', '0912345678', (async () =>
      json(
        429,
        { statusCode: 429, error: 'x', code: 'TOO_MANY_REQUESTS', message: 'x' },
        { 'retry-after': '42' },
      )) as typeof fetch).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).retryAfterSeconds).toBe(42);
    await expect(
      lookup('BC-260101-000001', '0912345678', (async () => {
        throw new TypeError('offline');
      }) as typeof fetch),
    ).rejects.toBeInstanceOf(NetworkError);
  });
});
