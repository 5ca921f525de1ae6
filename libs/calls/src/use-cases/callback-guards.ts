import { CALLBACK_MACHINE } from '@hotline/contracts';
import { ConflictError, NotFoundError, ValidationError } from '@hotline/core';
import type { Call } from '../call.entity';
import type { Callback } from '../callback.entity';
import type { CallbacksRepository } from '../repositories/callbacks.repository';
import type { CallsRepository } from '../repositories/calls.repository';

/** The task, locked: 404 if unknown, 409 once it is closed (only an open task can be worked). */
export async function lockWorkableCallback(callbacks: CallbacksRepository, id: string): Promise<Callback> {
  const cb = await callbacks.lockById(id);
  if (!cb) throw new NotFoundError('Callback', id);
  if (!CALLBACK_MACHINE.is('workable', cb.state))
    throw new ConflictError(`callback ${id} is ${cb.state}`, 'ILLEGAL_TRANSITION', { from: cb.state });
  return cb;
}

/** The call of an attempt or of the closing: an outbound call to the task's number (400 naming `callId` otherwise). */
export async function outboundCallTo(calls: CallsRepository, callId: string, phone: string): Promise<Call> {
  const call = await calls.findById(callId);
  if (!call) throw new ValidationError(`callId: unknown call ${callId}`, { field: 'callId', constraint: 'exists' });
  if (call.direction !== 'outbound' || call.phone !== phone)
    throw new ValidationError('callId: must be an outbound call to the callback number', { field: 'callId' });
  return call;
}
