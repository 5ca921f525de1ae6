import type { Role } from '@hotline/contracts';
import { NotFoundError } from '@hotline/core';
import type { UserChanges, UserFilter, UsersRepository } from '../repositories/users.repository';
import type { User } from '../user.entity';

type PublicOf<T> = { [K in keyof T]: T[K] };

/** UsersRepository in memory, for unit tests of the use cases. */
export class InMemoryUsersRepository implements PublicOf<UsersRepository> {
  readonly rows = new Map<string, User>();

  async findById(id: string): Promise<User | null> {
    const u = this.rows.get(id);
    return u ? { ...u } : null;
  }

  async require(id: string): Promise<User> {
    const u = await this.findById(id);
    if (!u) throw new NotFoundError('User', id);
    return u;
  }

  async findByUsername(username: string): Promise<User | null> {
    return [...this.rows.values()].find((u) => u.username === username) ?? null;
  }

  async usernameTaken(username: string): Promise<boolean> {
    return (await this.findByUsername(username)) !== null;
  }

  async extensionTaken(extension: string): Promise<boolean> {
    return [...this.rows.values()].some((u) => u.extension === extension);
  }

  async insert(user: User): Promise<void> {
    this.rows.set(user.id, { ...user });
  }

  async update(id: string, changes: UserChanges): Promise<boolean> {
    const u = this.rows.get(id);
    if (!u) return false;
    this.rows.set(id, { ...u, ...changes, version: u.version + 1 });
    return true;
  }

  async markLoggedIn(id: string, at: Date): Promise<boolean> {
    const u = this.rows.get(id);
    if (!u || u.disabledAt) return false;
    u.lastLoginAt = at;
    return true;
  }

  async list(filter: UserFilter): Promise<User[]> {
    return [...this.rows.values()]
      .filter((u) => !filter.role || u.role === filter.role)
      .filter((u) => filter.disabled === undefined || (u.disabledAt !== null) === filter.disabled)
      .filter((u) => !filter.afterUsername || u.username > filter.afterUsername)
      .sort((a, b) => a.username.localeCompare(b.username))
      .slice(0, filter.limit + 1);
  }

  async activeOperators(limit: number) {
    return [...this.rows.values()].filter((u) => u.role === 'operator' && !u.disabledAt).slice(0, limit);
  }

  async findActiveByExtension(extension: string) {
    return [...this.rows.values()].find((u) => u.extension === extension && !u.disabledAt) ?? null;
  }

  async names(ids: string[]) {
    return [...this.rows.values()].filter((u) => ids.includes(u.id));
  }

  async roleOf(id: string): Promise<Role | null> {
    return this.rows.get(id)?.role ?? null;
  }
}
