import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { OperatorDirectoryEntry, Role, UserView } from '@hotline/contracts';
import { ERROR_CODES } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  dbManager,
  NotFoundError,
  RealtimeEmitter,
  uuidv7,
  ValidationError,
  writeAudit,
  stripUndefined,
} from '@hotline/core';
import { PostOfficesService } from '@hotline/geo';
import { AuthService } from './auth.service';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './identity.dto';
import { hashPassword } from './password-hasher';
import { User } from './user.entity';
import { toUserView } from './user-view';

/** Staff accounts. Only admins reach these methods (enforced in the controller's @Roles), but for the operator directory. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly offices: PostOfficesService,
    private readonly auth: AuthService,
    private readonly realtime: RealtimeEmitter,
    private readonly clock: Clock,
  ) {}

  async list(query: ListUsersQuery): Promise<UserView[]> {
    const qb = dbManager(this.db).getRepository(User).createQueryBuilder('u').orderBy('u.username', 'ASC').take(1000);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.postOfficeId) qb.andWhere('u.post_office_id = :office', { office: query.postOfficeId });
    if (query.disabled !== undefined)
      qb.andWhere(query.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    if (query.q)
      qb.andWhere('(u.username LIKE :q OR u.full_name LIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    return (await qb.getMany()).map(toUserView);
  }

  /** Every active operator, connected or not (the status board only knows those who connected once), by name. */
  async activeOperators(): Promise<OperatorDirectoryEntry[]> {
    const rows = await dbManager(this.db)
      .getRepository(User)
      .find({ where: { role: 'operator', disabledAt: IsNull() }, select: ['id', 'fullName', 'extension'], take: 1000 });
    return rows
      .map((u) => ({ id: u.id, fullName: u.fullName, extension: u.extension }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  }

  async get(id: string): Promise<UserView> {
    return toUserView(await this.find(id));
  }

  async create(dto: CreateUserDto, actorId: string | null): Promise<UserView> {
    await this.checkOfficeBinding(dto.role, dto.postOfficeId ?? null);
    const hash = await hashPassword(dto.password);
    const now = this.clock.now();
    const user = await this.db.transaction(async (m) => {
      if (await m.countBy(User, { username: dto.username }))
        throw new ConflictError(`Username ${dto.username} is already taken`, ERROR_CODES.CONFLICT, {
          field: 'username',
        });
      if (dto.extension && (await m.countBy(User, { extension: dto.extension })))
        throw new ConflictError(`Extension ${dto.extension} is already used`, ERROR_CODES.CONFLICT, {
          field: 'extension',
        });
      const u = this.newUser({ ...dto, passwordHash: hash }, now);
      await m.insert(User, u);
      await writeAudit(m, { actorId, entityType: 'user', entityId: u.id, action: 'created', to: dto.role, at: now });
      return u;
    });
    return toUserView(user);
  }

  async update(id: string, dto: UpdateUserDto, actorId: string): Promise<UserView> {
    const user = await this.find(id);
    const role = dto.role ?? user.role;
    const office = dto.postOfficeId !== undefined ? dto.postOfficeId : role === 'dispatcher' ? user.postOfficeId : null;
    await this.checkOfficeBinding(role, office);
    const changedScope = role !== user.role || office !== user.postOfficeId;
    await this.db.transaction(async (m) => {
      if (dto.extension && dto.extension !== user.extension && (await m.countBy(User, { extension: dto.extension }))) {
        throw new ConflictError(`Extension ${dto.extension} is already used`, ERROR_CODES.CONFLICT, {
          field: 'extension',
        });
      }
      await m.update(
        User,
        { id },
        {
          fullName: dto.fullName ?? user.fullName,
          role,
          postOfficeId: office,
          extension: dto.extension !== undefined ? dto.extension : user.extension,
          updatedAt: this.clock.now(),
          version: () => 'version + 1',
        },
      );
      await writeAudit(m, {
        actorId,
        entityType: 'user',
        entityId: id,
        action: 'updated',
        from: user.role,
        to: role,
        data: { fields: Object.keys(stripUndefined(dto)) },
      });
    });
    // Rooms were joined from the old role/office: make open sockets reconnect so the server joins the right rooms.
    if (changedScope)
      this.realtime.disconnectUser(id, {
        code: 'SESSION_CHANGED',
        message: 'Your role or post office changed: reconnecting',
      });
    return this.get(id);
  }

  /** Refused at once, everywhere: sessions revoked, open sockets closed. */
  async disable(id: string, actorId: string, reason?: string): Promise<UserView> {
    if (id === actorId) throw new ValidationError('You cannot disable your own account');
    const user = await this.find(id);
    if (!user.disabledAt) {
      const now = this.clock.now();
      await this.db.transaction(async (m) => {
        await m.update(User, { id }, { disabledAt: now, updatedAt: now, version: () => 'version + 1' });
        await this.auth.revokeAllSessions(m, id, 'user_disabled', now);
        await writeAudit(m, {
          actorId,
          entityType: 'user',
          entityId: id,
          action: 'disabled',
          from: 'active',
          to: 'disabled',
          reason: reason ?? null,
          at: now,
        });
      });
      this.realtime.disconnectUser(id, { code: ERROR_CODES.USER_DISABLED, message: 'This account has been disabled' });
    }
    return this.get(id);
  }

  async enable(id: string, actorId: string): Promise<UserView> {
    const user = await this.find(id);
    if (user.disabledAt) {
      await this.db.transaction(async (m) => {
        await m.update(User, { id }, { disabledAt: null, updatedAt: this.clock.now(), version: () => 'version + 1' });
        await writeAudit(m, {
          actorId,
          entityType: 'user',
          entityId: id,
          action: 'enabled',
          from: 'disabled',
          to: 'active',
        });
      });
    }
    return this.get(id);
  }

  /** Sets a temporary password, ends every session of the user and asks them to choose a new one. */
  async resetPassword(id: string, newPassword: string, actorId: string): Promise<UserView> {
    await this.find(id);
    const hash = await hashPassword(newPassword);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await m.update(
        User,
        { id },
        { passwordHash: hash, mustChangePassword: true, updatedAt: now, version: () => 'version + 1' },
      );
      await this.auth.revokeAllSessions(m, id, 'password_reset', now);
      await writeAudit(m, { actorId, entityType: 'user', entityId: id, action: 'password_reset', at: now });
    });
    this.realtime.disconnectUser(id, {
      code: 'PASSWORD_RESET',
      message: 'Your password was reset by an administrator: log in again',
    });
    return this.get(id);
  }

  /** The active staff member with this PBX extension (the calls context binds answered calls with it). */
  async findActiveByExtension(extension: string): Promise<{ id: string; role: Role; extension: string } | null> {
    const u = await dbManager(this.db)
      .getRepository(User)
      .findOne({ where: { extension, disabledAt: IsNull() }, select: ['id', 'role', 'extension'] });
    return u ? { id: u.id, role: u.role, extension: u.extension! } : null;
  }

  /** Display names of staff members (other contexts show who is who without reading the users table). */
  async names(ids: string[]): Promise<Array<{ id: string; fullName: string; extension: string | null }>> {
    if (!ids.length) return [];
    return dbManager(this.db)
      .getRepository(User)
      .find({ where: { id: In(ids) }, select: ['id', 'fullName', 'extension'] });
  }

  async roleOf(userId: string): Promise<Role | null> {
    const u = await dbManager(this.db)
      .getRepository(User)
      .findOne({ where: { id: userId }, select: ['id', 'role'] });
    return u?.role ?? null;
  }

  /** Creates the user unless the username exists (seeding). Returns whether it was created. */
  async ensure(
    m: EntityManager,
    input: {
      username: string;
      fullName: string;
      password: string;
      role: Role;
      postOfficeId?: string | null;
      extension?: string | null;
    },
  ): Promise<boolean> {
    if (await m.countBy(User, { username: input.username })) return false;
    await m.insert(
      User,
      this.newUser({ ...input, passwordHash: await hashPassword(input.password) }, this.clock.now()),
    );
    return true;
  }

  private newUser(
    input: {
      username: string;
      fullName: string;
      passwordHash: string;
      role: Role;
      postOfficeId?: string | null;
      extension?: string | null;
    },
    now: Date,
  ): User {
    return Object.assign(new User(), {
      id: uuidv7(),
      username: input.username,
      fullName: input.fullName,
      passwordHash: input.passwordHash,
      role: input.role,
      postOfficeId: input.postOfficeId ?? null,
      extension: input.extension ?? null,
      disabledAt: null,
      mustChangePassword: false,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }

  private async find(id: string): Promise<User> {
    const user = await dbManager(this.db).getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  private async checkOfficeBinding(role: Role, officeId: string | null): Promise<void> {
    if (role === 'dispatcher' && !officeId)
      throw new ValidationError('postOfficeId is required for a dispatcher', {
        field: 'postOfficeId',
        constraint: 'isNotEmpty',
      });
    if (role !== 'dispatcher' && officeId)
      throw new ValidationError('postOfficeId is only for dispatchers', { field: 'postOfficeId' });
    if (officeId && !(await this.offices.exists(officeId)))
      throw new ValidationError(`post office ${officeId} does not exist`, {
        field: 'postOfficeId',
        constraint: 'exists',
      });
  }
}
