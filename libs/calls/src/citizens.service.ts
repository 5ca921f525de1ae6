import { Injectable } from '@nestjs/common';
import type { CitizenView } from '@hotline/contracts';
import { Clock, NotFoundError, UnitOfWork, uuidv7, ValidationError } from '@hotline/core';
import { AdministrativeUnitsService } from '@hotline/geo';
import type { Citizen } from './citizen.entity';
import { requirePhone } from './phone-input';
import { CitizensRepository } from './repositories/citizens.repository';
import { toCitizenView } from './views';

export interface CitizenInput {
  fullName?: string | null;
  kind?: 'person' | 'organisation';
  idNumber?: string | null;
  addressDetail?: string | null;
  communeCode?: string | null;
  email?: string | null;
  notes?: string | null;
}

/**
 * Citizens and organisations, found by any of their phone numbers whatever the separators. Other contexts (dispatch,
 * feedback) link their records to a citizen through this service only. Called inside another context's unit of work, its
 * reads and writes join that transaction (the repositories find it on their own).
 */
@Injectable()
export class CitizensService {
  constructor(
    private readonly citizens: CitizensRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly units: AdministrativeUnitsService,
  ) {}

  async get(id: string): Promise<CitizenView> {
    const citizen = await this.citizens.findById(id);
    if (!citizen) throw new NotFoundError('Citizen', id);
    return (await this.views([citizen]))[0];
  }

  /** Several citizens at once (a list of tickets, requests...), in no particular order; unknown ids are left out. */
  async getMany(ids: string[]): Promise<CitizenView[]> {
    return this.views(await this.citizens.findByIds([...new Set(ids)]));
  }

  /** Ids of the citizens whose name starts with `prefix` (the ticket search by name). */
  idsByNamePrefix(prefix: string, limit = 200): Promise<string[]> {
    return this.citizens.idsByNamePrefix(prefix.trim(), limit);
  }

  async findByPhone(phone: string): Promise<CitizenView | null> {
    const link = await this.citizens.phoneLink(requirePhone(phone));
    return link ? this.get(link.citizenId) : null;
  }

  /**
   * The citizen owning this number, created when unknown (with whatever details are given), in the caller's unit of work.
   * `_transaction` is ignored (kept for callers written before the unit of work): the repositories join the caller's
   * transaction on their own.
   */
  async findOrCreateByPhone(
    phone: string,
    input: CitizenInput = {},
    actorId: string | null = null,
    _transaction?: unknown,
  ): Promise<CitizenView> {
    const e164 = requirePhone(phone);
    const known = await this.citizens.byPhoneWithPhones(e164);
    if (known) return toCitizenView(known.citizen, known.phones);
    return this.createForPhone(e164, input, actorId);
  }

  /**
   * Only the id of the number's citizen, created as findOrCreateByPhone does when the number is new: one indexed read
   * when it is known (the hot path of creating a BCCI request, which needs nothing else of the citizen).
   */
  async idForPhone(
    phone: string,
    input: CitizenInput = {},
    actorId: string | null = null,
    _transaction?: unknown,
  ): Promise<string> {
    const e164 = requirePhone(phone);
    return (await this.citizens.citizenIdOf(e164)) ?? (await this.createForPhone(e164, input, actorId)).id;
  }

  /** A 400 naming `communeCode` when it is not a commune of the province. */
  async checkInput(input: CitizenInput): Promise<void> {
    if (input.communeCode && !(await this.units.find(input.communeCode))) {
      throw new ValidationError(`communeCode: unknown commune code "${input.communeCode}"`, {
        field: 'communeCode',
        constraint: 'exists',
      });
    }
  }

  async views(citizens: Citizen[]): Promise<CitizenView[]> {
    if (!citizens.length) return [];
    const phones = await this.citizens.phonesOf(citizens.map((c) => c.id));
    return citizens.map((c) =>
      toCitizenView(
        c,
        phones.filter((p) => p.citizenId === c.id),
      ),
    );
  }

  /**
   * A new citizen for a new number. Two intakes for the same new number at once (two operators, a ticket and a request)
   * must give one citizen, not a 409: the one whose number row lost the race removes its citizen and answers the winner's,
   * read with a lock (a plain read would see this transaction's older snapshot, without it).
   */
  private async createForPhone(e164: string, input: CitizenInput, actorId: string | null): Promise<CitizenView> {
    await this.checkInput(input);
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const citizen = newCitizen(uuidv7(), input, now);
      await this.citizens.insert(citizen);
      const phone = { phone: e164, citizenId: citizen.id, isPrimary: true, label: null, createdAt: now };
      if (!(await this.citizens.insertPhoneUnlessTaken(phone))) {
        await this.citizens.remove(citizen.id);
        const winner = await this.citizens.byPhoneWithPhones(e164, { lock: true });
        if (winner) return toCitizenView(winner.citizen, winner.phones);
        throw new Error(`citizen_phones: ${e164} taken and gone`);
      }
      await tx.history({ actorId, entityType: 'citizen', entityId: citizen.id, action: 'created' });
      return toCitizenView(citizen, [phone]);
    });
  }
}

function newCitizen(id: string, input: CitizenInput, now: Date): Citizen {
  return {
    id,
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
  };
}
