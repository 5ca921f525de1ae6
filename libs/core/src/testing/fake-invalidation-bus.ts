import type Redis from 'ioredis';
import { InvalidationBus } from '../cache/invalidation-bus';
import type { AppConfig } from '../config/app-config';

/**
 * The invalidation bus of unit tests: listeners, local invalidation and the reconnect drop are the real ones; there is no
 * Redis — broadcasts are recorded, and the test says whether the subscriber is connected (`disconnect`, `reconnect`).
 */
export class FakeInvalidationBus extends InvalidationBus {
  readonly broadcasts: Array<{ topic: string; keys: readonly string[] | null }> = [];

  constructor() {
    super({} as Redis, { redis: { prefix: 'test:' } } as AppConfig);
    this.subscribed = true;
  }

  override async broadcast(topic: string, keys: readonly string[] | null = null): Promise<void> {
    this.broadcasts.push({ topic, keys });
  }

  /** The subscriber lost its connection: messages from other processes would be lost from now on. */
  disconnect(): void {
    this.subscribed = false;
  }

  /** Subscribed again: every listener drops everything, as the real bus does. */
  reconnect(): void {
    this.dropAll();
    this.subscribed = true;
  }

  protected override connect(): void {
    // no Redis
  }
}
