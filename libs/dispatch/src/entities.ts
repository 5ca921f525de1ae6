import type { EntityClass } from '@hotline/core';
import { BcciAssignment } from './bcci-assignment.entity';
import { BcciCodeSequence } from './bcci-code-sequence.entity';
import { BcciLeg } from './bcci-leg.entity';
import { BcciPromotion } from './bcci-promotion.entity';
import { BcciRemittance } from './bcci-remittance.entity';
import { BcciRequest } from './bcci-request.entity';
import { BcciTariff } from './bcci-tariff.entity';

/** The dispatch context's entities, registered in the one data source (composed in apps/composition). */
export const DISPATCH_ENTITIES: EntityClass[] = [
  BcciRequest,
  BcciLeg,
  BcciAssignment,
  BcciTariff,
  BcciPromotion,
  BcciCodeSequence,
  BcciRemittance,
];
