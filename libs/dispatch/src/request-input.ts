import type { LegKind, PriceLine } from '@hotline/contracts';
import { uuidv7, ValidationError } from '@hotline/core';
import type { BcciLeg } from './bcci-leg.entity';
import type { AddressDto, CreateBcciRequestDto } from './dispatch.dto';

/** The pure checks and shapes of a new request (before anything is written). */

export type RequestAddresses = Partial<Record<'pickupAddress' | 'deliveryAddress', AddressDto>>;

/** The addresses the option needs: pickup for send_dossier/both, delivery for receive_result/both (default: the pickup one). */
export function addressesFor(dto: CreateBcciRequestDto): RequestAddresses {
  if (dto.option === 'receive_result') {
    const delivery = dto.deliveryAddress ?? dto.pickupAddress;
    if (!delivery)
      throw new ValidationError('deliveryAddress: required to deliver the result', {
        field: 'deliveryAddress',
        constraint: 'isNotEmpty',
      });
    return { deliveryAddress: delivery };
  }
  if (!dto.pickupAddress)
    throw new ValidationError('pickupAddress: required to pick up the dossier', {
      field: 'pickupAddress',
      constraint: 'isNotEmpty',
    });
  return dto.option === 'both'
    ? { pickupAddress: dto.pickupAddress, deliveryAddress: dto.deliveryAddress ?? dto.pickupAddress }
    : { pickupAddress: dto.pickupAddress };
}

export function addressOf(addresses: RequestAddresses, kind: LegKind): AddressDto {
  return (kind === 'pickup' ? addresses.pickupAddress : addresses.deliveryAddress)!;
}

/** The preferred time window: not in the past, and ending after it starts. */
export function timeWindow(dto: CreateBcciRequestDto, now: Date): { windowFrom: Date | null; windowTo: Date | null } {
  const windowFrom = dto.windowFrom ? new Date(dto.windowFrom) : null;
  const windowTo = dto.windowTo ? new Date(dto.windowTo) : null;
  if (windowTo && windowTo.getTime() <= now.getTime())
    throw new ValidationError('windowTo: the preferred time window is in the past', {
      field: 'windowTo',
      constraint: 'notInPast',
    });
  if (windowFrom && !windowTo && windowFrom.getTime() < now.getTime() - 60_000)
    throw new ValidationError('windowFrom: the preferred time window is in the past', {
      field: 'windowFrom',
      constraint: 'notInPast',
    });
  if (windowFrom && windowTo && windowFrom.getTime() >= windowTo.getTime())
    throw new ValidationError('windowTo: the window must end after it starts', {
      field: 'windowTo',
      constraint: 'dateOrder',
    });
  return { windowFrom, windowTo };
}

export interface NewLegInput {
  requestId: string;
  line: PriceLine;
  address: AddressDto;
  remoteArea: boolean;
  window: { windowFrom: Date | null; windowTo: Date | null };
  feeExpected: number;
  dueAt: Date;
  now: Date;
}

/** A leg as created: in `routing`, first attempt, its price frozen from the quote line. */
export function newLeg(i: NewLegInput): BcciLeg {
  return {
    id: uuidv7(),
    requestId: i.requestId,
    kind: i.line.legKind,
    state: 'routing',
    addressDetail: i.address.detail,
    communeCode: i.address.communeCode,
    lat: i.address.lat ?? null,
    lng: i.address.lng ?? null,
    remoteArea: i.remoteArea,
    ...i.window,
    routeType: i.line.routeType,
    basePostage: i.line.basePostage,
    discount: i.line.discount,
    postage: i.line.postage,
    promotionId: i.line.promotionId,
    promotionName: i.line.promotionName,
    feeExpected: i.feeExpected,
    feeCollected: null,
    remittanceId: null,
    officeId: null,
    routingAttempt: 1,
    routeAfter: null,
    courierName: null,
    failedAttempts: 0,
    pickupChecklist: null,
    proofOfDelivery: null,
    deliveredAt: null,
    dueAt: i.dueAt,
    createdAt: i.now,
    updatedAt: i.now,
    version: 1,
  };
}
