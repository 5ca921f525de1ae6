import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type { OperatorDirectoryEntry, Page, Role, UserView } from '@hotline/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  decodeTextCursor,
  InvalidationBus,
  toTextPage,
  VersionedCache,
} from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import type { ListUsersQuery } from '../identity.dto';
import { UsersRepository } from '../repositories/users.repository';
import { toUserView } from './user-view';

export const DEFAULT_USERS_PAGE = 100;
/** Every active operator fits in one page of the directory (a hotline has tens of them). */
const MAX_DIRECTORY = 1000;

/** What the rest of the system reads about staff accounts. Commands are the use cases beside it. */
@Injectable()
export class UsersService implements OnModuleInit {
  /**
   * The own account's view (GET /auth/me, asked by every screen), kept per user as the session cache keeps principals:
   * every change of a user records `tx.invalidate(SESSION_CACHE_TOPIC, [userId])` (a login too: its last-login time),
   * and while the invalidation channel is not live MariaDB answers.
   */
  private readonly own: VersionedCache<string, UserView> | null;

  constructor(
    private readonly users: UsersRepository,
    private readonly bus: InvalidationBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { sessionCacheMs, sessionCacheMax } = config.identity;
    this.own =
      sessionCacheMs > 0
        ? new VersionedCache({ recheckMs: sessionCacheMs, maxEntries: sessionCacheMax, load: (id) => this.get(id) })
        : null;
  }

  onModuleInit(): void {
    const own = this.own;
    if (!own) return;
    this.bus.listen(SESSION_CACHE_TOPIC, (keys) => {
      if (!keys) return own.invalidate();
      const gone = new Set(keys);
      own.invalidateWhere((_view, id) => gone.has(id));
    });
  }

  /** The signed-in user's own account (the auth guard has just checked the session). */
  me(id: string): Promise<UserView> {
    return this.own && this.bus.live ? this.own.get(id) : this.get(id);
  }

  /** Admins' list, in username order, with filters; `cursor` is the previous page's `nextCursor`. */
  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    const limit = query.limit ?? DEFAULT_USERS_PAGE;
    const rows = await this.users.list({
      role: query.role,
      postOfficeId: query.postOfficeId,
      disabled: query.disabled,
      q: query.q,
      afterUsername: query.cursor ? decodeTextCursor(query.cursor) : undefined,
      limit,
    });
    return toTextPage(rows, limit, (u) => u.username, toUserView);
  }

  /** Every active operator, connected or not (the status board only knows those who connected once), by name; one page. */
  async activeOperators(): Promise<Page<OperatorDirectoryEntry>> {
    const rows = await this.users.activeOperators(MAX_DIRECTORY);
    const items = rows
      .map((u) => ({ id: u.id, fullName: u.fullName, extension: u.extension }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
    return onePage(items);
  }

  async get(id: string): Promise<UserView> {
    return toUserView(await this.users.require(id));
  }

  /** The active staff member with this PBX extension (the calls context binds answered calls with it). */
  async findActiveByExtension(extension: string): Promise<{ id: string; role: Role; extension: string } | null> {
    const u = await this.users.findActiveByExtension(extension);
    return u ? { id: u.id, role: u.role, extension: u.extension! } : null;
  }

  /** Display names of staff members (other contexts show who is who without reading the users table). */
  async names(ids: string[]): Promise<Array<{ id: string; fullName: string; extension: string | null }>> {
    if (!ids.length) return [];
    return this.users.names(ids);
  }

  roleOf(userId: string): Promise<Role | null> {
    return this.users.roleOf(userId);
  }
}
