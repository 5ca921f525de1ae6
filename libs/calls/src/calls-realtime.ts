import { Injectable, Logger } from '@nestjs/common';
import type { CallView, CallbackView, OperatorStatusView, RoomName, ScreenPopEvent } from '@hotline/contracts';
import { RealtimeEmitter } from '@hotline/core';

/** Live events of the calls context. Dispatchers are never in these rooms: call data is for the call center only. */
@Injectable()
export class CallsRealtime {
  private readonly logger = new Logger(CallsRealtime.name);
  static readonly CALL_CENTER: RoomName[] = ['role:operator', 'role:supervisor'];

  constructor(private readonly emitter: RealtimeEmitter) {}

  private safe(fn: () => void): void {
    // The database is the truth; a lost event is re-fetched by the client over REST.
    try {
      fn();
    } catch (err) {
      this.logger.warn({ err }, 'Realtime emit failed');
    }
  }

  call(view: CallView): void {
    this.safe(() => this.emitter.to(CallsRealtime.CALL_CENTER, 'call:updated', view));
  }

  screenPop(rooms: RoomName[], payload: ScreenPopEvent): void {
    if (rooms.length) this.safe(() => this.emitter.to(rooms, 'call:screen-pop', payload));
  }

  callback(view: CallbackView): void {
    this.safe(() => this.emitter.to(CallsRealtime.CALL_CENTER, 'callback:updated', view));
  }

  status(view: OperatorStatusView): void {
    this.safe(() => this.emitter.to(['role:supervisor', `user:${view.userId}`], 'operator:status', view));
  }
}
