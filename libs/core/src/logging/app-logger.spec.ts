import { Logger } from '@nestjs/common';
import { AppLogger } from './app-logger';
import { createLogger } from './logger';
import { runWithRequestLogger } from './request-logger';

function setup(level = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const root = createLogger(
    { level, pretty: false },
    { app: 'test', destination: { write: (s) => lines.push(JSON.parse(s)) } },
  );
  return { root, lines, logger: new AppLogger(root) };
}

describe('AppLogger over createLogger', () => {
  it('writes Nest calls as JSON lines: message, context, app', () => {
    const { logger, lines } = setup();
    logger.log('started', 'Bootstrap');
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'started', context: 'Bootstrap', app: 'test' })]);
  });

  it('merges an object first argument and keeps the message after it (nestjs-pino call shape)', () => {
    const { logger, lines } = setup();
    const err = new Error('down');
    logger.warn({ err, trigger: 'boot' }, 'Reconcile failed', 'Reconciler');
    expect(lines[0]).toMatchObject({ level: 40, msg: 'Reconcile failed', context: 'Reconciler', trigger: 'boot' });
    expect(lines[0].err).toMatchObject({
      type: 'Error',
      message: 'down',
      stack: expect.stringContaining('Error: down'),
    });
  });

  it("turns Nest's error(message, stack, context) into an err with that stack", () => {
    const { logger, lines } = setup();
    logger.error('boom', 'Error: boom\n    at somewhere (x.js:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'ExceptionsHandler', msg: 'boom' });
    expect(lines[0].err).toMatchObject({ message: 'boom', stack: 'Error: boom\n    at somewhere (x.js:1:1)' });
  });

  it('redacts known fields and scrubs phone numbers and tokens out of free text', () => {
    const { logger, lines } = setup();
    logger.log(
      { call: { phone: '0912345678' }, body: { password: 'secret', token: 'abc' } },
      'caller 0912.345.678 called',
      'Calls',
    );
    logger.log('GET /admin/queues?token=eyJhbGciOi.abc.def', 'Http');
    expect(lines[0]).toMatchObject({
      call: { phone: '[redacted]' },
      body: { password: '[redacted]', token: '[redacted]' },
      msg: 'caller [phone …678] called',
    });
    expect(lines[1].msg).toBe('GET /admin/queues?token=[redacted]');
    expect(JSON.stringify(lines)).not.toMatch(/0912|secret|eyJhbGciOi/);
  });

  it("writes through the request's logger inside a request, the root one outside", async () => {
    const { root, logger, lines } = setup();
    const nest = new Logger('Service');
    Logger.overrideLogger(logger);
    try {
      await runWithRequestLogger(root.child({ reqId: 'req-1' }), async () => {
        await new Promise((r) => setTimeout(r, 1));
        nest.log('inside');
      });
      nest.log('outside');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'inside', reqId: 'req-1', context: 'Service' }),
      expect.not.objectContaining({ reqId: expect.anything() }),
    ]);
  });

  it('drops lines below the level without building them', () => {
    const { logger, lines } = setup('warn');
    logger.debug('noise');
    logger.log('noise');
    logger.warn('kept');
    expect(lines.map((l) => l.msg)).toEqual(['kept']);
  });
});
