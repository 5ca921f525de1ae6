import { Injectable } from '@nestjs/common';
import type { PostOfficeImportResult } from '@hotline/contracts';
import { UnitOfWork } from '@hotline/core';
import { checkCsvRows, parseOfficeCsv } from '../post-office-csv';
import { PostOfficeChecker } from '../post-office-checker';
import { PostOfficeWriter } from '../post-office-writer';
import { PostOfficesRepository } from '../repositories/post-offices.repository';

/**
 * An admin imports a CSV of post offices (create, or update by code). Every line is checked first; one bad line refuses the
 * whole file with every problem and its line number, and nothing is written.
 */
@Injectable()
export class ImportPostOfficesUseCase {
  constructor(
    private readonly checker: PostOfficeChecker,
    private readonly writer: PostOfficeWriter,
    private readonly offices: PostOfficesRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(content: string, actorId: string): Promise<PostOfficeImportResult> {
    const clean = checkCsvRows(parseOfficeCsv(content), await this.checker.knownCommune());
    return this.uow.run(async (tx) => {
      const idByCode = await this.offices.idsByCode(clean.map((c) => c.code));
      let created = 0;
      for (const office of clean) {
        const id = idByCode.get(office.code.toLowerCase());
        if (id) await this.writer.overwrite(id, office);
        else {
          await this.writer.create(office, { actorId });
          created++;
        }
      }
      const result = { created, updated: clean.length - created, total: clean.length };
      await tx.history({
        actorId,
        entityType: 'post_office',
        entityId: 'csv-import',
        action: 'imported',
        data: { created: result.created, updated: result.updated },
      });
      return result;
    });
  }
}
