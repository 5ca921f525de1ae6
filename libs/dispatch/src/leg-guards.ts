import { legMoveRefusal, LEG_MACHINE, type LegGuardFacts, type LegState } from '@hotline/contracts';
import { ConflictError } from '@hotline/core';

/** The machine and guards of contracts, as the server's 409: ILLEGAL_TRANSITION with the move, what is allowed and why not. */
export function assertLegMove(leg: LegGuardFacts, to: LegState): void {
  const refusal = legMoveRefusal(leg, to);
  if (!refusal) return;
  throw new ConflictError(refusal.message, 'ILLEGAL_TRANSITION', {
    from: leg.state,
    to,
    allowed: LEG_MACHINE.next(leg.state),
    reason: refusal.reason,
  });
}
