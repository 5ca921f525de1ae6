import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import { type AuthUser, Clock, ValidationError } from '@hotline/core';
import type { DeliverDto } from '../dispatch.dto';
import { ChangeLeg } from './change-leg';

/** Delivered, with the proof of delivery (only what is in hand: the machine's guard wants a pickup first). */
@Injectable()
export class RecordDelivery {
  constructor(
    private readonly change: ChangeLeg,
    private readonly clock: Clock,
  ) {}

  execute(legId: string, dto: DeliverDto, user: AuthUser): Promise<LegView> {
    const now = this.clock.now();
    const deliveredAt = dto.deliveredAt ? new Date(dto.deliveredAt) : now;
    if (deliveredAt.getTime() > now.getTime() + 60_000)
      throw new ValidationError('deliveredAt: cannot be in the future', {
        field: 'deliveredAt',
        constraint: 'notInFuture',
      });
    return this.change.execute({
      legId,
      user,
      to: 'delivered',
      build: (leg) => ({
        changes: {
          deliveredAt,
          proofOfDelivery: {
            recipientName: dto.recipientName,
            relation: dto.relation,
            deliveredAt: deliveredAt.toISOString(),
            fileRef: dto.fileRef ?? null,
          },
          ...(dto.feeCollected !== undefined ? { feeCollected: (leg.feeCollected ?? 0) + dto.feeCollected } : {}),
        },
      }),
    });
  }
}
