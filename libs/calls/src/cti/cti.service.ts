import { Inject, Injectable } from '@nestjs/common';
import { CALLS_CONFIG, type CallsConfig } from '../calls.config';
import type { PbxToken } from '../pbx-token.entity';
import { toCallView } from '../views';
import { CtiEventResolver } from './cti-event-resolver';
import type { CtiEvent } from './cti-logic';
import { CtiScreenPop } from './cti-screen-pop';
import { RecordCtiEvent } from './record-cti-event';

export interface CtiResult {
  callId: string | null;
  /** Zammad-style instruction for the PBX. */
  action: 'reject' | 'dial' | null;
  reason?: string;
  callerId?: string;
  number?: string;
  /** False when the event changed nothing (a duplicate). */
  changed: boolean;
}

/** The PBX side: one event in (generic or Zammad format, already parsed), the PBX's instruction out. */
@Injectable()
export class CtiService {
  constructor(
    private readonly resolver: CtiEventResolver,
    private readonly record: RecordCtiEvent,
    private readonly screenPop: CtiScreenPop,
    @Inject(CALLS_CONFIG) private readonly config: CallsConfig,
  ) {}

  /** Idempotent and order-tolerant (see RecordCtiEvent); a blocked caller is rejected and leaves no row. */
  async ingest(pbx: PbxToken, e: CtiEvent): Promise<CtiResult> {
    const resolved = await this.resolver.resolve(e);
    if (resolved.blocked) return { callId: null, action: 'reject', reason: 'busy', changed: false };
    const { saved, created, changed, decision } = await this.record.execute({
      pbx,
      event: e,
      resolved,
      abandonAfterSeconds: this.config.abandonAfterSeconds,
    });
    if (changed) {
      const view = toCallView(saved);
      if (e.type === 'new_call' && (created || saved.state === 'ringing'))
        this.screenPop.offered(view, resolved.ringing);
      if (decision.answered && saved.operatorId) this.screenPop.answered(view, saved.operatorId);
    }
    const result: CtiResult = { callId: saved.id, action: null, changed };
    if (e.type === 'new_call' && e.direction === 'outbound' && pbx.outboundCallerId && e.to)
      Object.assign(result, { action: 'dial', callerId: pbx.outboundCallerId, number: e.to });
    return result;
  }
}
