import { Injectable } from '@nestjs/common';
import type { CitizenView } from '@hotline/contracts';
import { Clock, NotFoundError, UnitOfWork } from '@hotline/core';
import type { Citizen } from '../citizen.entity';
import { CitizenInput, CitizensService } from '../citizens.service';
import { CitizensRepository } from '../repositories/citizens.repository';

const FIELDS = ['fullName', 'kind', 'idNumber', 'addressDetail', 'communeCode', 'email', 'notes'] as const;

/** The fields given (absent ones untouched, strings trimmed, empty strings cleared). */
export function citizenChanges(input: CitizenInput): Partial<Citizen> {
  const changes: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const value = input[key];
    if (value !== undefined) changes[key] = typeof value === 'string' ? value.trim() || null : value;
  }
  return changes as Partial<Citizen>;
}

@Injectable()
export class UpdateCitizen {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly citizens: CitizensRepository,
    private readonly service: CitizensService,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, input: CitizenInput, actorId: string): Promise<CitizenView> {
    return this.uow.run(async (tx) => {
      if (!(await this.citizens.exists(id))) throw new NotFoundError('Citizen', id);
      await this.service.checkInput(input);
      const changes = citizenChanges(input);
      await this.citizens.update(id, changes, this.clock.now());
      await tx.history({
        actorId,
        entityType: 'citizen',
        entityId: id,
        action: 'updated',
        data: { fields: Object.keys(changes) },
      });
      return this.service.get(id);
    });
  }
}
