import type { CallsConfig } from '../calls.config';
import type { Call } from '../call.entity';
import type { PbxToken } from '../pbx-token.entity';
import type { CtiEventResolver, ResolvedCtiEvent } from './cti-event-resolver';
import type { CtiEvent } from './cti-logic';
import type { CtiScreenPop } from './cti-screen-pop';
import { CtiService } from './cti.service';
import type { RecordCtiEvent, RecordedCtiEvent } from './record-cti-event';

const resolved = (more: Partial<ResolvedCtiEvent> = {}): ResolvedCtiEvent => ({
  phone: '+84912345678',
  withheld: false,
  line: '02693888222',
  blocked: false,
  answering: null,
  ringing: [],
  ...more,
});
const event = (more: Partial<CtiEvent> = {}): CtiEvent => ({
  type: 'new_call',
  callId: 'c-1',
  direction: 'inbound',
  from: '0912345678',
  to: '02693888222',
  queue: null,
  extensions: [],
  cause: null,
  at: new Date('2026-03-02T02:00:00.000Z'),
  ...more,
});
const T = new Date('2026-03-02T02:00:00.000Z');
const call = (more: Partial<Call> = {}) =>
  ({
    id: 'call-1',
    state: 'ringing',
    direction: 'inbound',
    operatorId: null,
    startedAt: T,
    createdAt: T,
    updatedAt: T,
    ...more,
  }) as Call;

function setup(r: ResolvedCtiEvent, recorded: Partial<RecordedCtiEvent>) {
  const pops: string[] = [];
  const records: unknown[] = [];
  const service = new CtiService(
    { resolve: async () => r } as unknown as CtiEventResolver,
    {
      execute: async (input: unknown) => {
        records.push(input);
        return { saved: call(), created: true, changed: true, decision: { answered: false }, ...recorded };
      },
    } as unknown as RecordCtiEvent,
    {
      offered: (v: { id: string }) => pops.push(`offered:${v.id}`),
      answered: (v: { id: string }, op: string) => pops.push(`answered:${v.id}:${op}`),
    } as unknown as CtiScreenPop,
    { abandonAfterSeconds: 20 } as CallsConfig,
  );
  return { service, pops, records };
}

const PBX = { name: 'pbx-1', outboundCallerId: '02693888222' } as PbxToken;

describe('CtiService.ingest', () => {
  it('a blocked caller is rejected and nothing is recorded', async () => {
    const f = setup(resolved({ blocked: true }), {});
    expect(await f.service.ingest(PBX, event())).toEqual({
      callId: null,
      action: 'reject',
      reason: 'busy',
      changed: false,
    });
    expect(f.records).toEqual([]);
  });

  it('a new inbound call is recorded with the abandon threshold and offered (screen-pop)', async () => {
    const f = setup(resolved(), {});
    expect(await f.service.ingest(PBX, event())).toEqual({ callId: 'call-1', action: null, changed: true });
    expect(f.records).toEqual([expect.objectContaining({ abandonAfterSeconds: 20 })]);
    expect(f.pops).toEqual(['offered:call-1']);
  });

  it('an answer pops to the answering operator; a duplicate pops nothing', async () => {
    const answered = setup(resolved(), {
      saved: call({ state: 'answered', operatorId: 'op-1' }),
      decision: { answered: true } as RecordedCtiEvent['decision'],
      created: false,
    });
    await answered.service.ingest(PBX, event({ type: 'answer' }));
    expect(answered.pops).toEqual(['answered:call-1:op-1']);
    const dup = setup(resolved(), { created: false, changed: false });
    expect((await dup.service.ingest(PBX, event())).changed).toBe(false);
    expect(dup.pops).toEqual([]);
  });

  it('an outbound new call on a PBX with an outbound caller id is told to dial', async () => {
    const f = setup(resolved(), { saved: call({ direction: 'outbound' }) });
    expect(await f.service.ingest(PBX, event({ direction: 'outbound', from: '1001', to: '0912345678' }))).toEqual({
      callId: 'call-1',
      action: 'dial',
      callerId: '02693888222',
      number: '0912345678',
      changed: true,
    });
  });
});
