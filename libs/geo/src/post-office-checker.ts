import { Injectable } from '@nestjs/common';
import { ValidationError } from '@hotline/core';
import { AdministrativeUnitsService } from './administrative-units.service';
import { type CleanOfficeInput, type RawOfficeInput, checkOfficeInput } from './post-office-input';

/** The post office rules with the communes of Gia Lai: a 400 listing every problem (in `details.fields` too). */
@Injectable()
export class PostOfficeChecker {
  constructor(private readonly units: AdministrativeUnitsService) {}

  async knownCommune(): Promise<(code: string) => boolean> {
    const units = await this.units.all();
    return (code) => units.has(code);
  }

  async check(raw: RawOfficeInput): Promise<CleanOfficeInput> {
    const { value, problems } = checkOfficeInput(raw, await this.knownCommune());
    if (value) return value;
    const fields = problems.map(({ field, message, constraint, params }) => ({
      field,
      message,
      constraint: constraint ?? 'invalid',
      ...(params ? { params } : {}),
    }));
    throw new ValidationError(problems.map((p) => p.message).join('; '), { errors: problems, fields });
  }
}
