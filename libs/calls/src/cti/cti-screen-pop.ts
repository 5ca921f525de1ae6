import { Injectable } from '@nestjs/common';
import type { CallView, CallerLookupView, RoomName } from '@hotline/contracts';
import { UnitOfWork } from '@hotline/core';
import { CallerLookupService } from '../caller-lookup.service';
import { CallsEvents } from '../calls-events';
import type { DirectoryUser } from '../operator-directory';

/**
 * The screen-pop of a call event. It needs a caller lookup, which must not delay the PBX's answer: it runs after the event's
 * commit, outside any transaction (its reads go in parallel on the pool). It changes no row, so it is a notice
 * (`UnitOfWork.notify`: sent at once, no transaction, no outbox row); the call itself reached the lists durably.
 */
@Injectable()
export class CtiScreenPop {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: CallerLookupService,
  ) {}

  /** Offered inbound call: the ringing operators if the PBX named them, otherwise every operator. */
  offered(view: CallView, ringing: DirectoryUser[]): void {
    if (view.direction !== 'inbound') return;
    const rooms: RoomName[] = ringing.length ? ringing.map((u) => `user:${u.id}` as const) : ['role:operator'];
    void this.pop(rooms, view, 'new_call');
  }

  /** Answered: the answering operator. */
  answered(view: CallView, operatorId: string): void {
    void this.pop([`user:${operatorId}`], view, 'answer');
  }

  private async pop(rooms: RoomName[], view: CallView, event: 'new_call' | 'answer'): Promise<void> {
    let caller: CallerLookupView;
    try {
      caller = view.phone ? await this.lookup.byE164(view.phone) : this.lookup.withheld();
    } catch {
      caller = this.lookup.withheld();
    }
    // Never throws: an operator who missed the pop sees the call in the lists.
    await this.uow.notify((notices) =>
      CallsEvents.screenPop(notices, rooms, { callId: view.id, event, call: view, caller }),
    );
  }
}
