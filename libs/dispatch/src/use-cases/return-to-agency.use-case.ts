import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/core';
import { ChangeLeg } from './change-leg';

/** The item goes back to the agency: only after two invitations at least 2 working days apart (the machine's guard). */
@Injectable()
export class ReturnToAgency {
  constructor(private readonly change: ChangeLeg) {}

  execute(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    return this.change.execute({ legId, user, to: 'returned_to_agency', build: () => ({ reason }) });
  }
}
