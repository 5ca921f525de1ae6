import type { CallView, CallbackView, OperatorStatusView, RoomName, ScreenPopEvent } from '@hotline/contracts';
import type { Notices, Tx } from '@hotline/core';

/**
 * The live events of the calls context, recorded on the unit of work (sent by the outbox relay after the commit).
 * Dispatchers are never in these rooms: call data is for the call center only.
 */
export const CALL_CENTER: RoomName[] = ['role:operator', 'role:supervisor'];

export const CallsEvents = {
  call(tx: Tx, view: CallView): void {
    tx.emit(CALL_CENTER, 'call:updated', view);
  },
  callback(tx: Tx, view: CallbackView): void {
    tx.emit(CALL_CENTER, 'callback:updated', view);
  },
  status(tx: Tx, view: OperatorStatusView): void {
    tx.emit(['role:supervisor', `user:${view.userId}`], 'operator:status', view);
  },
  screenPop(tx: Notices, rooms: RoomName[], payload: ScreenPopEvent): void {
    if (rooms.length) tx.emit(rooms, 'call:screen-pop', payload);
  },
};
