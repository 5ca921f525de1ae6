import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { Role } from '@hotline/contracts';
import { BaseRepository, likePrefix, NotFoundError } from '@hotline/core';
import { User } from '../user.entity';

export interface UserFilter {
  role?: Role;
  postOfficeId?: string;
  disabled?: boolean;
  /** Part of the username or the full name. */
  q?: string;
  /** The username the previous page ended with. */
  afterUsername?: string;
  limit: number;
}

/** Fields an update may change; the version is bumped by every update. */
export type UserChanges = Partial<
  Pick<
    User,
    | 'fullName'
    | 'role'
    | 'postOfficeId'
    | 'extension'
    | 'disabledAt'
    | 'passwordHash'
    | 'mustChangePassword'
    | 'updatedAt'
  >
>;

/** The users table: staff accounts. */
@Injectable()
export class UsersRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  findById(id: string): Promise<User | null> {
    return this.repo(User).findOneBy({ id });
  }

  /** The user, or a 404. */
  async require(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  findByUsername(username: string): Promise<User | null> {
    return this.repo(User).findOneBy({ username });
  }

  async usernameTaken(username: string): Promise<boolean> {
    return (await this.repo(User).countBy({ username })) > 0;
  }

  async extensionTaken(extension: string): Promise<boolean> {
    return (await this.repo(User).countBy({ extension })) > 0;
  }

  async insert(user: User): Promise<void> {
    await this.repo(User).insert(user);
  }

  /** False when no such user. */
  async update(id: string, changes: UserChanges): Promise<boolean> {
    const result = await this.repo(User).update({ id }, { ...changes, version: () => 'version + 1' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records a login, and says whether the account is still active. Run it FIRST in the login's transaction: it takes the
   * user row's exclusive lock before the session insert takes a shared one through its foreign key; the other way round, two
   * logins of one user each held the shared lock and waited for the other's to upgrade (ER_LOCK_DEADLOCK).
   */
  async markLoggedIn(id: string, at: Date): Promise<boolean> {
    const result = await this.repo(User).update({ id, disabledAt: IsNull() }, { lastLoginAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** One page in username order (limit + 1 rows: the extra one says there is a next page). */
  list(filter: UserFilter): Promise<User[]> {
    const qb = this.repo(User)
      .createQueryBuilder('u')
      .orderBy('u.username', 'ASC')
      .take(filter.limit + 1);
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.postOfficeId) qb.andWhere('u.post_office_id = :office', { office: filter.postOfficeId });
    if (filter.disabled !== undefined)
      qb.andWhere(filter.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    if (filter.q) qb.andWhere('(u.username LIKE :q OR u.full_name LIKE :q)', { q: `%${likePrefix(filter.q)}` });
    if (filter.afterUsername) qb.andWhere('u.username > :after', { after: filter.afterUsername });
    return qb.getMany();
  }

  activeOperators(limit: number): Promise<Array<Pick<User, 'id' | 'fullName' | 'extension'>>> {
    return this.repo(User).find({
      where: { role: 'operator', disabledAt: IsNull() },
      select: ['id', 'fullName', 'extension'],
      take: limit,
    });
  }

  findActiveByExtension(extension: string): Promise<Pick<User, 'id' | 'role' | 'extension'> | null> {
    return this.repo(User).findOne({ where: { extension, disabledAt: IsNull() }, select: ['id', 'role', 'extension'] });
  }

  names(ids: string[]): Promise<Array<Pick<User, 'id' | 'fullName' | 'extension'>>> {
    return this.repo(User).find({ where: { id: In(ids) }, select: ['id', 'fullName', 'extension'] });
  }

  async roleOf(id: string): Promise<Role | null> {
    return (await this.repo(User).findOne({ where: { id }, select: ['id', 'role'] }))?.role ?? null;
  }
}
