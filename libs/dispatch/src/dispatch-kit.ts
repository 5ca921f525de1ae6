import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork } from '@hotline/core';
import { LegRecords } from './leg-records';
import { LegTransitions } from './leg-transitions';

/**
 * What every leg command works with: its unit of work (one transaction, effects recorded on `tx`), the clock, the leg
 * aggregate's records and the one transition writer. One injectable, so a command names only what it adds.
 */
@Injectable()
export class DispatchKit {
  constructor(
    readonly uow: UnitOfWork,
    readonly clock: Clock,
    readonly records: LegRecords,
    readonly transitions: LegTransitions,
  ) {}
}
