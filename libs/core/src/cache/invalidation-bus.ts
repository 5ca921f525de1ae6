import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { closeRedis, createRedis } from '../redis/redis';
import { REDIS } from '../redis/redis.module';

/** What a cache does when told: drop these keys, or everything (`null`: a reconnect, or a change of everything). */
export type InvalidationListener = (keys: readonly string[] | null) => void;

interface Message {
  topic: string;
  keys: string[] | null;
}

/**
 * Tells every process (api instances, workers) to drop cached values: one Redis pub/sub channel,
 * `<prefix>cache-invalidation`, one subscriber connection per process, opened when the first cache listens. A cache
 * listens on a topic (`dispatch:pricing`, `identity:sessions`); `publish` drops this process's copy at once (synchronously)
 * and then reaches the others. After a commit, use cases record it as an outbox effect (`tx.invalidate`), which the relay
 * carries out before the use case answers and retries if Redis did not take it.
 *
 * A message published while a subscriber is not subscribed is lost for it. So on every (re)subscribe every listener drops
 * everything, and `live` says whether messages reach this process now: a cache that must never serve a revoked value (the
 * sessions) is bypassed while it is false; others (pricing) rely on the reconnect drop and their TTL.
 */
@Injectable()
export class InvalidationBus implements OnModuleDestroy {
  private readonly logger = new Logger(InvalidationBus.name);
  private readonly listeners = new Map<string, Set<InvalidationListener>>();
  private readonly channel: string;
  /** The subscriber's client name (CLIENT LIST), unique per process so that an operator or a test can find it. */
  readonly connectionName: string;
  private subscriber: Redis | null = null;
  protected subscribed = false;
  /** Bumped by every loss of the connection: a SUBSCRIBE answered after a newer loss does not count. */
  private epoch = 0;
  private waiters: Array<() => void> = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.redis.prefix}cache-invalidation`;
    this.connectionName = `invalidation:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** True while messages published now reach this process (its subscriber is subscribed). */
  get live(): boolean {
    return this.subscribed;
  }

  /** Resolves once the subscriber is subscribed (at once if it is). */
  whenLive(): Promise<void> {
    return this.subscribed ? Promise.resolve() : this.nextSubscription();
  }

  /** Resolves at the next (re)subscription, after every listener dropped everything. */
  nextSubscription(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Resolves once every message Redis had already sent this process was handled: a PING on the subscriber's connection
   * is answered after them, in order. PUBLISH returning on the sender means Redis wrote the message to every subscriber;
   * this closes the last hop (the receiver reading it), e.g. for a test that checks another instance "at once".
   */
  async caughtUp(): Promise<void> {
    if (this.subscriber && this.subscribed) await this.subscriber.ping();
  }

  /** A cache listens on its topic; the first listener opens the subscriber. Returns how to stop listening. */
  listen(topic: string, listener: InvalidationListener): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    this.connect();
    return () => set.delete(listener);
  }

  /** This process's listeners of the topic, synchronously. */
  invalidateLocal(topic: string, keys: readonly string[] | null = null): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(keys);
  }

  /** The other processes (this one hears its own message too: a second, harmless drop). Throws if Redis did not take it. */
  async broadcast(topic: string, keys: readonly string[] | null = null): Promise<void> {
    const message: Message = { topic, keys: keys ? [...keys] : null };
    await this.redis.publish(this.channel, JSON.stringify(message));
  }

  /** This process at once, then the others. Throws if Redis did not take it (this process has dropped its copy anyway). */
  async publish(topic: string, keys: readonly string[] | null = null): Promise<void> {
    this.invalidateLocal(topic, keys);
    await this.broadcast(topic, keys);
  }

  async onModuleDestroy(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = null;
    this.lost();
    if (subscriber) await closeRedis(subscriber);
  }

  protected connect(): void {
    if (this.subscriber) return;
    // No automatic re-subscription: the bus subscribes itself on every 'ready', and drops everything when it has.
    const sub = createRedis(this.config, this.connectionName, { autoResubscribe: false });
    this.subscriber = sub;
    sub.on('error', (err: Error) => this.logger.warn(`Cache invalidation channel: ${err.message}`));
    sub.on('message', (_channel: string, raw: string) => this.deliver(raw));
    sub.on('close', () => this.lost());
    sub.on('end', () => this.lost());
    sub.on('ready', () => {
      const epoch = this.epoch;
      sub.subscribe(this.channel).then(
        () => this.subscribedNow(epoch),
        (err: Error) => this.logger.warn(`Cache invalidation channel: ${err.message}`),
      );
    });
  }

  private subscribedNow(epoch: number): void {
    if (epoch !== this.epoch || !this.subscriber) return;
    // Whatever was published while this process was not listening is lost: every cache starts over.
    this.dropAll();
    this.subscribed = true;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Every listener of every topic drops everything. */
  protected dropAll(): void {
    for (const topic of this.listeners.keys()) this.invalidateLocal(topic, null);
  }

  private lost(): void {
    this.epoch++;
    this.subscribed = false;
  }

  private deliver(raw: string): void {
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      // It cannot say what changed: every cache starts over rather than keep what might be revoked.
      this.logger.warn('Cache invalidation channel: a message that is not JSON: dropping every cache');
      this.dropAll();
      return;
    }
    this.invalidateLocal(message.topic, Array.isArray(message.keys) ? message.keys : null);
  }
}
