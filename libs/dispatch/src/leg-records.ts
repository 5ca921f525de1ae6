import { Injectable } from '@nestjs/common';
import { AssignmentsRepository } from './repositories/assignments.repository';
import { LegsRepository } from './repositories/legs.repository';
import { RequestsRepository } from './repositories/requests.repository';

/** The leg aggregate's tables as the commands and queries use them together: legs, their offers, their requests. */
@Injectable()
export class LegRecords {
  constructor(
    readonly legs: LegsRepository,
    readonly assignments: AssignmentsRepository,
    readonly requests: RequestsRepository,
  ) {}
}
