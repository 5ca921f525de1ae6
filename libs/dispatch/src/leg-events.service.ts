import { Injectable } from '@nestjs/common';
import type { LegEvent, RoomName } from '@hotline/contracts';
import { RealtimeEmitter } from '@hotline/core';

/** Fan-out of leg events: the office room (current and previous office), the operator who created the request, supervisors. */
@Injectable()
export class LegEventsService {
  constructor(private readonly emitter: RealtimeEmitter) {}

  emit(
    event: 'dispatch:leg-assigned' | 'dispatch:leg-updated' | 'dispatch:escalated' | 'dispatch:leg-overdue',
    payload: LegEvent,
    createdById: string | null,
    previousOfficeId?: string | null,
  ): void {
    const rooms = new Set<RoomName>(['role:supervisor']);
    if (payload.officeId) rooms.add(`office:${payload.officeId}`);
    if (previousOfficeId) rooms.add(`office:${previousOfficeId}`);
    if (createdById) rooms.add(`user:${createdById}`);
    this.emitter.to([...rooms], event, payload);
  }
}
