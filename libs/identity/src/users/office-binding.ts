import { Injectable } from '@nestjs/common';
import type { Role } from '@hotline/contracts';
import { ValidationError } from '@hotline/core';
import { PostOfficesService } from '@hotline/geo';

/** Dispatchers belong to exactly one post office; other roles to none. Null when the pair is fine. */
export function officeBindingRefusal(role: Role, officeId: string | null): ValidationError | null {
  if (role === 'dispatcher' && !officeId)
    return new ValidationError('postOfficeId is required for a dispatcher', {
      field: 'postOfficeId',
      constraint: 'isNotEmpty',
    });
  if (role !== 'dispatcher' && officeId)
    return new ValidationError('postOfficeId is only for dispatchers', { field: 'postOfficeId' });
  return null;
}

/** The office binding rule, with the office's existence asked of the geo context. */
@Injectable()
export class OfficeBinding {
  constructor(private readonly offices: PostOfficesService) {}

  async check(role: Role, officeId: string | null): Promise<void> {
    const refusal = officeBindingRefusal(role, officeId);
    if (refusal) throw refusal;
    if (officeId && !(await this.offices.exists(officeId)))
      throw new ValidationError(`post office ${officeId} does not exist`, {
        field: 'postOfficeId',
        constraint: 'exists',
      });
  }
}
