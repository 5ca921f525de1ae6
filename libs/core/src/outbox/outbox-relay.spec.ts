import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import type { JobQueue } from '../queues/job-queue.service';
import type { RealtimeEmitter } from '../realtime/realtime-emitter';
import { FakeClock } from '../testing/fake-clock';
import { FakeInvalidationBus } from '../testing/fake-invalidation-bus';
import type { Effect } from './effects';
import { OutboxRelay } from './outbox-relay';

/** A cache invalidation that Redis does not take is not lost: this process dropped its copy, the poller broadcasts it. */
describe('OutboxRelay: invalidate effects', () => {
  function setup() {
    const bus = new FakeInvalidationBus();
    let redisDown = true;
    const broadcast = bus.broadcast.bind(bus);
    bus.broadcast = async (topic, keys) => {
      if (redisDown) throw new Error('Connection is closed.');
      return broadcast(topic, keys);
    };
    const dropped: Array<readonly string[] | null> = [];
    bus.listen('identity:sessions', (keys) => dropped.push(keys));
    const effects: Effect[] = [{ kind: 'invalidate', topic: 'identity:sessions', keys: ['s1'] }];
    const deleted: unknown[] = [];
    const manager = {
      query: async (sql: string) =>
        sql.startsWith('SELECT') ? [{ id: 'o1', effects: JSON.stringify(effects), attempts: 0 }] : [],
      delete: async (_entity: unknown, where: unknown) => void deleted.push(where),
    };
    const ds = {
      transaction: (work: (m: typeof manager) => Promise<unknown>) => work(manager),
      query: async () => [],
    } as unknown as DataSource;
    const config = { outbox: { graceMs: 5000, pollMs: 0 } } as AppConfig;
    const relay = new OutboxRelay(ds, {} as JobQueue, {} as RealtimeEmitter, new FakeClock(), config, bus);
    return { relay, bus, dropped, deleted, effects, redisUp: () => (redisDown = false) };
  }

  it('drops the local copy even when the broadcast fails, keeps the row, and the poller broadcasts it later', async () => {
    const { relay, bus, dropped, deleted, effects, redisUp } = setup();
    expect(await relay.deliver({ id: 'o1', effects })).toBe(false);
    expect(dropped).toEqual([['s1']]);
    expect(bus.broadcasts).toEqual([]);
    redisUp();
    expect(await relay.poll()).toBe(1);
    expect(bus.broadcasts).toEqual([{ topic: 'identity:sessions', keys: ['s1'] }]);
    expect(deleted).toHaveLength(1);
    await relay.onModuleDestroy();
  });
});
