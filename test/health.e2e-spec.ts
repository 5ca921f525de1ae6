import { type TestApi, startApi } from './helpers/test-app';

describe('health, liveness, metrics, docs', () => {
  describe('with MariaDB and Redis up', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({}, { seed: false });
    });
    afterAll(() => api.close());

    it('GET /health is 200 with both services up', async () => {
      const res = await api.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('GET /health/live answers without touching the services', async () => {
      const res = await api.http.get('/health/live');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    });

    it('GET /metrics exposes HTTP latency, queue depths and socket count', async () => {
      await api.http.get('/health');
      const res = await api.http.get('/metrics');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/health".*\}/);
      expect(res.text).toMatch(/queue_jobs\{queue="maintenance",state="waiting"\} 0/);
      expect(res.text).toMatch(/socket_connections 0/);
    });

    it('serves the OpenAPI document at /docs generated from the DTOs', async () => {
      const res = await api.http.get('/docs/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.paths['/api/auth/login'].post).toBeDefined();
      expect(res.body.components.schemas.CreateUserDto.properties).toHaveProperty('role');
      expect((await api.http.get('/docs')).status).toBe(200);
    });

    it('keeps REST under /api and answers unknown routes with the error shape', async () => {
      expect((await api.http.post('/auth/login').send({})).status).toBe(404);
      const res = await api.http.get('/api/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
    });

    it('refuses malformed JSON with a 400 in the same shape', async () => {
      const res = await api.http.post('/api/auth/login').set('content-type', 'application/json').send('{"username":');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('with Redis unreachable', () => {
    let api: TestApi;
    beforeAll(async () => {
      // Port 1 is closed: the api must still boot and say what is wrong.
      api = await startApi({ REDIS_PORT: '1' }, { seed: false });
    });
    afterAll(() => api.close());

    it('GET /health is 503 naming Redis as down, the database up', async () => {
      const res = await api.http.get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        status: 'error',
        details: { database: { status: 'up' }, redis: { status: 'down' } },
      });
    });

    it('GET /health/live still answers', async () => {
      expect((await api.http.get('/health/live')).status).toBe(200);
    });
  });
});
