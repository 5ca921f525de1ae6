import { Injectable } from '@nestjs/common';
import type { PostOfficeView } from '@hotline/contracts';
import { stripUndefined, UnitOfWork } from '@hotline/core';
import type { UpdatePostOfficeDto } from '../geo.dto';
import { PostOfficeChecker } from '../post-office-checker';
import type { RawOfficeInput } from '../post-office-input';
import { PostOfficeWriter } from '../post-office-writer';
import { PostOfficesService } from '../post-offices.service';

/** The office as it will be: what the PATCH gives over what is stored (an absent field is kept, its own commune re-added). */
export function mergeOffice(current: PostOfficeView, changes: Partial<UpdatePostOfficeDto>): RawOfficeInput {
  const merged: RawOfficeInput = { ...current, ...changes };
  if (changes.serviceArea === undefined)
    merged.serviceArea = current.serviceArea.filter((c) => c !== current.communeCode);
  return merged;
}

/** An admin edits a post office; absent fields stay as they are. */
@Injectable()
export class UpdatePostOfficeUseCase {
  constructor(
    private readonly checker: PostOfficeChecker,
    private readonly writer: PostOfficeWriter,
    private readonly offices: PostOfficesService,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(id: string, dto: UpdatePostOfficeDto, actorId: string): Promise<PostOfficeView> {
    const changes = stripUndefined(dto);
    await this.uow.run(async (tx) => {
      const current = await this.offices.get(id);
      const clean = await this.checker.check(mergeOffice(current, changes));
      await this.writer.overwrite(id, clean);
      await tx.history({
        actorId,
        entityType: 'post_office',
        entityId: id,
        action: 'updated',
        data: { changes: Object.keys(changes) },
      });
    });
    return this.offices.get(id);
  }
}
