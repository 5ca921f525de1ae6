import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, UnitOfWork, uuidv7 } from '@hotline/core';
import type { CleanOfficeInput } from './post-office-input';
import type { PostOffice } from './post-office.entity';
import { PostOfficeFields, PostOfficesRepository } from './repositories/post-offices.repository';

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A post office with code ${code} already exists`);
}

function fieldsOf(office: CleanOfficeInput): PostOfficeFields {
  const { serviceArea: _ignored, ...fields } = office;
  return fields;
}

/** Writes checked offices with their service areas, in the caller's unit of work (or its own). */
@Injectable()
export class PostOfficeWriter {
  constructor(
    private readonly offices: PostOfficesRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** A new office (409 when its code is taken), with its history row. Returns its id. */
  create(office: CleanOfficeInput, options: { actorId: string | null; isDemo?: boolean }): Promise<string> {
    return this.uow.run(async (tx) => {
      if (await this.offices.findByCode(office.code)) throw codeTaken(office.code);
      const now = this.clock.now();
      const row: PostOffice = {
        id: uuidv7(),
        ...fieldsOf(office),
        isDemo: options.isDemo ?? false,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.offices.insert(row, office.serviceArea);
      await tx.history({
        actorId: options.actorId,
        entityType: 'post_office',
        entityId: row.id,
        action: 'created',
        to: office.active ? 'active' : 'inactive',
      });
      return row.id;
    });
  }

  /** Every field and the whole service area of an existing office (409 when the new code is another office's). */
  overwrite(id: string, office: CleanOfficeInput): Promise<void> {
    return this.uow.run(async () => {
      const clash = await this.offices.findByCode(office.code);
      if (clash && clash.id !== id) throw codeTaken(office.code);
      await this.offices.overwrite(id, { ...fieldsOf(office), updatedAt: this.clock.now() }, office.serviceArea);
    });
  }
}
