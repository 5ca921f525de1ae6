import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CitizenView } from '@hotline/contracts';
import { parsePhone } from '@hotline/contracts';
import { Clock, ConflictError, dbManager, NotFoundError, uuidv7, ValidationError, writeAudit } from '@hotline/core';
import { AdministrativeUnitsService } from '@hotline/geo';
import { CitizenPhone } from './citizen-phone.entity';
import { Citizen } from './citizen.entity';

export interface CitizenInput {
  fullName?: string | null;
  kind?: 'person' | 'organisation';
  idNumber?: string | null;
  addressDetail?: string | null;
  communeCode?: string | null;
  email?: string | null;
  notes?: string | null;
}

/** Turns any Vietnamese way of writing a number into E.164, or a 400 that says what is wrong. */
export function requirePhone(input: string, field = 'phone'): string {
  const parsed = parsePhone(input);
  if (!parsed.ok) throw new ValidationError(`${field}: ${parsed.reason}`, { field, constraint: 'isPhone' });
  return parsed.e164;
}

/**
 * Citizens and organisations, found by any of their phone numbers whatever the separators. Other contexts (dispatch,
 * feedback) link their records to a citizen through this service only.
 */
@Injectable()
export class CitizensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: AdministrativeUnitsService,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<CitizenView> {
    const citizen = await dbManager(this.db).getRepository(Citizen).findOneBy({ id });
    if (!citizen) throw new NotFoundError('Citizen', id);
    return (await this.views([citizen]))[0];
  }

  /** Several citizens at once (a list of tickets, requests...), in no particular order; unknown ids are left out. */
  async getMany(ids: string[]): Promise<CitizenView[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    return this.views(
      await dbManager(this.db)
        .getRepository(Citizen)
        .findBy({ id: In(unique) }),
    );
  }

  async findByPhone(phone: string): Promise<CitizenView | null> {
    const e164 = requirePhone(phone);
    const link = await dbManager(this.db).getRepository(CitizenPhone).findOneBy({ phone: e164 });
    return link ? this.get(link.citizenId) : null;
  }

  /** The citizen owning this number, created when unknown (with whatever details are given). Inside the caller's transaction when `m` is given. */
  async findOrCreateByPhone(
    phone: string,
    input: CitizenInput = {},
    actorId: string | null = null,
    m: EntityManager = dbManager(this.db),
  ): Promise<CitizenView> {
    const e164 = requirePhone(phone);
    const existing = await m.findOneBy(CitizenPhone, { phone: e164 });
    if (existing) return (await this.views([await m.findOneByOrFail(Citizen, { id: existing.citizenId })], m))[0];
    return (await this.views([await this.createForPhone(e164, input, actorId, m)], m))[0];
  }

  /**
   * Only the id of the number's citizen, created as findOrCreateByPhone does when the number is new: one indexed read
   * when it is known (the hot path of creating a BCCI request, which needs nothing else of the citizen).
   */
  async idForPhone(
    phone: string,
    input: CitizenInput = {},
    actorId: string | null = null,
    m: EntityManager = dbManager(this.db),
  ): Promise<string> {
    const e164 = requirePhone(phone);
    const [existing] = (await m.query('SELECT citizen_id AS citizenId FROM citizen_phones WHERE phone = ? LIMIT 1', [
      e164,
    ])) as Array<{ citizenId: string }>;
    return existing ? existing.citizenId : (await this.createForPhone(e164, input, actorId, m)).id;
  }

  private async createForPhone(
    e164: string,
    input: CitizenInput,
    actorId: string | null,
    m: EntityManager,
  ): Promise<Citizen> {
    await this.checkInput(input);
    const now = this.clock.now();
    const citizen = m.create(Citizen, {
      id: uuidv7(),
      fullName: input.fullName?.trim() || null,
      kind: input.kind ?? 'person',
      idNumber: input.idNumber?.trim() || null,
      addressDetail: input.addressDetail?.trim() || null,
      communeCode: input.communeCode ?? null,
      email: input.email?.trim() || null,
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await m.insert(Citizen, citizen);
    await m.insert(CitizenPhone, { phone: e164, citizenId: citizen.id, isPrimary: true, label: null, createdAt: now });
    await writeAudit(m, { actorId, entityType: 'citizen', entityId: citizen.id, action: 'created', at: now });
    return citizen;
  }

  /** A new contact; a number that already belongs to somebody is a 409 naming that citizen. */
  async create(phone: string, input: CitizenInput, actorId: string): Promise<CitizenView> {
    const e164 = requirePhone(phone);
    return this.db.transaction(async (m) => {
      const owner = await m.findOneBy(CitizenPhone, { phone: e164 });
      if (owner)
        throw new ConflictError(`phone ${e164} already belongs to citizen ${owner.citizenId}`, 'CONFLICT', {
          field: 'phone',
          citizenId: owner.citizenId,
        });
      return this.findOrCreateByPhone(e164, input, actorId, m);
    });
  }

  async update(id: string, input: CitizenInput, actorId: string): Promise<CitizenView> {
    const citizen = await dbManager(this.db).getRepository(Citizen).findOneBy({ id });
    if (!citizen) throw new NotFoundError('Citizen', id);
    await this.checkInput(input);
    const changes: Partial<Citizen> = {};
    for (const key of ['fullName', 'kind', 'idNumber', 'addressDetail', 'communeCode', 'email', 'notes'] as const) {
      if (input[key] !== undefined)
        (changes as Record<string, unknown>)[key] =
          typeof input[key] === 'string' ? (input[key] as string).trim() || null : input[key];
    }
    await this.db.transaction(async (m) => {
      await m.update(Citizen, { id }, { ...changes, updatedAt: this.clock.now(), version: () => 'version + 1' });
      await writeAudit(m, {
        actorId,
        entityType: 'citizen',
        entityId: id,
        action: 'updated',
        data: { fields: Object.keys(changes) },
      });
    });
    return this.get(id);
  }

  /** Adds another number; a number already owned by another citizen is a 409 (one number, one person). */
  async addPhone(id: string, phone: string, label: string | null, actorId: string): Promise<CitizenView> {
    const e164 = requirePhone(phone);
    await this.get(id);
    await this.db.transaction(async (m) => {
      const owner = await m.findOneBy(CitizenPhone, { phone: e164 });
      if (owner && owner.citizenId !== id)
        throw new ConflictError(`phone ${e164} already belongs to another citizen`, 'CONFLICT', {
          field: 'phone',
          citizenId: owner.citizenId,
        });
      if (!owner)
        await m.insert(CitizenPhone, {
          phone: e164,
          citizenId: id,
          isPrimary: false,
          label,
          createdAt: this.clock.now(),
        });
      await writeAudit(m, { actorId, entityType: 'citizen', entityId: id, action: 'phone_added' });
    });
    return this.get(id);
  }

  /** Removes a number; the last one stays (a citizen is found by their numbers). Removing the primary promotes the oldest other. */
  async removePhone(id: string, phone: string, actorId: string): Promise<CitizenView> {
    const e164 = requirePhone(phone);
    await this.get(id);
    await this.db.transaction(async (m) => {
      const phones = await m.find(CitizenPhone, {
        where: { citizenId: id },
        order: { createdAt: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const target = phones.find((p) => p.phone === e164);
      if (!target) throw new NotFoundError(`Phone ${e164} of citizen`, id);
      if (phones.length === 1)
        throw new ConflictError('cannot remove the only phone number of a citizen', 'CONFLICT', { field: 'phone' });
      await m.delete(CitizenPhone, { phone: e164 });
      if (target.isPrimary)
        await m.update(CitizenPhone, { phone: phones.find((p) => p.phone !== e164)!.phone }, { isPrimary: true });
      await writeAudit(m, { actorId, entityType: 'citizen', entityId: id, action: 'phone_removed' });
    });
    return this.get(id);
  }

  private async checkInput(input: CitizenInput): Promise<void> {
    if (input.communeCode && !(await this.units.find(input.communeCode))) {
      throw new ValidationError(`communeCode: unknown commune code "${input.communeCode}"`, {
        field: 'communeCode',
        constraint: 'exists',
      });
    }
  }

  async views(citizens: Citizen[], m: EntityManager = dbManager(this.db)): Promise<CitizenView[]> {
    if (!citizens.length) return [];
    const phones = await m.find(CitizenPhone, {
      where: { citizenId: In(citizens.map((c) => c.id)) },
      order: { isPrimary: 'DESC', createdAt: 'ASC' },
    });
    return citizens.map((c) =>
      toCitizenView(
        c,
        phones.filter((p) => p.citizenId === c.id),
      ),
    );
  }
}

/** `phones` already filtered to this citizen and ordered primary first. */
export function toCitizenView(c: Citizen, phones: CitizenPhone[]): CitizenView {
  return {
    id: c.id,
    fullName: c.fullName,
    kind: c.kind,
    idNumber: c.idNumber,
    addressDetail: c.addressDetail,
    communeCode: c.communeCode,
    email: c.email,
    notes: c.notes,
    phones: phones.map((p) => ({ phone: p.phone, isPrimary: !!p.isPrimary, label: p.label })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
