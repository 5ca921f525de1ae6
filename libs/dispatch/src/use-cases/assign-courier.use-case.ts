import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/core';
import type { CourierDto } from '../dispatch.dto';
import { ChangeLeg } from './change-leg';

/** The office names the postal worker who takes the leg (after the accept, or for a new attempt). */
@Injectable()
export class AssignCourier {
  constructor(private readonly change: ChangeLeg) {}

  execute(legId: string, dto: CourierDto, user: AuthUser): Promise<LegView> {
    return this.change.execute({
      legId,
      user,
      to: 'courier_assigned',
      build: () => ({ changes: { courierName: dto.courierName } }),
    });
  }
}
