import { Injectable } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type { BlockedNumberView, Page } from '@hotline/contracts';
import { Clock, ConflictError, NotFoundError, UnitOfWork, uuidv7, VersionedCache } from '@hotline/core';
import type { BlockedNumber } from './blocked-number.entity';
import { requirePhone } from './phone-input';
import { BlockedNumbersRepository } from './repositories/blocked-numbers.repository';
import { toBlockedView } from './views';

/** The CTI path asks for every inbound event: an admin's change applies at once here, within this time elsewhere. */
const BLOCKED_CACHE_MS = 5000;

/** Numbers whose calls the PBX is told to reject (admin list, stored E.164 so any typing matches). */
@Injectable()
export class BlockedNumbersService {
  private readonly cache: VersionedCache<'all', Set<string>>;

  constructor(
    private readonly blocked: BlockedNumbersRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.cache = new VersionedCache({
      recheckMs: BLOCKED_CACHE_MS,
      load: async () => new Set(await this.blocked.allPhones()),
    });
  }

  /** A small admin list: one page, newest first. */
  async list(): Promise<Page<BlockedNumberView>> {
    return onePage((await this.blocked.list()).map(toBlockedView));
  }

  async block(phone: string, reason: string | null, actorId: string): Promise<BlockedNumberView> {
    const e164 = requirePhone(phone);
    const view = await this.uow.run(async (tx) => {
      if (await this.blocked.isBlocked(e164))
        throw new ConflictError(`${e164} is already blocked`, 'CONFLICT', { field: 'phone' });
      const row: BlockedNumber = { id: uuidv7(), phone: e164, reason, createdBy: actorId, createdAt: this.clock.now() };
      await this.blocked.insert(row);
      await tx.history({ actorId, entityType: 'blocked_number', entityId: row.id, action: 'blocked', reason });
      return toBlockedView(row);
    });
    this.cache.invalidate();
    return view;
  }

  async unblock(id: string, actorId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      if (!(await this.blocked.delete(id))) throw new NotFoundError('Blocked number', id);
      await tx.history({ actorId, entityType: 'blocked_number', entityId: id, action: 'unblocked' });
    });
    this.cache.invalidate();
  }

  async isBlocked(e164: string): Promise<boolean> {
    return (await this.cache.get('all')).has(e164);
  }
}
