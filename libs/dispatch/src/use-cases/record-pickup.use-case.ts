import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import { type AuthUser, ValidationError } from '@hotline/core';
import type { BcciLeg } from '../bcci-leg.entity';
import type { PickupDto } from '../dispatch.dto';
import { ChangeLeg, type LegChange } from './change-leg';

/** Decision 45 art. 6: the checklist is recorded at pickup (missing documents, slip signed by both, sealed in front of the citizen, receipt). */
@Injectable()
export class RecordPickup {
  constructor(private readonly change: ChangeLeg) {}

  execute(legId: string, dto: PickupDto, user: AuthUser): Promise<LegView> {
    return this.change.execute({ legId, user, to: 'picked_up', build: (leg) => pickupChange(leg, dto) });
  }
}

function pickupChange(leg: BcciLeg, dto: PickupDto): LegChange {
  const c = dto.checklist;
  if (!c.slipSignedByBoth)
    throw new ValidationError('checklist.slipSignedByBoth: the dossier slip must be signed by both', {
      field: 'checklist.slipSignedByBoth',
    });
  if (!c.sealedInFrontOfCitizen && leg.kind === 'pickup')
    throw new ValidationError('checklist.sealedInFrontOfCitizen: the dossier must be sealed in front of the citizen', {
      field: 'checklist.sealedInFrontOfCitizen',
    });
  if (dto.feeCollected !== undefined && dto.feeCollected > 0 && !c.feeReceiptNumber)
    throw new ValidationError('checklist.feeReceiptNumber: a receipt number is required when fees are collected', {
      field: 'checklist.feeReceiptNumber',
      constraint: 'isNotEmpty',
    });
  return {
    changes: {
      pickupChecklist: {
        missingDocuments: c.missingDocuments,
        slipSignedByBoth: c.slipSignedByBoth,
        sealedInFrontOfCitizen: c.sealedInFrontOfCitizen,
        feeReceiptNumber: c.feeReceiptNumber ?? null,
      },
      ...(dto.feeCollected !== undefined ? { feeCollected: dto.feeCollected } : {}),
    },
    data: { missingDocuments: c.missingDocuments.length },
  };
}
