import { Injectable } from '@nestjs/common';
import { isWithheldCaller, normalizePhone } from '@hotline/contracts';
import { BlockedNumbersService } from '../blocked-numbers.service';
import { DirectoryUser, OperatorDirectory } from '../operator-directory';
import type { CtiEvent } from './cti-logic';

/**
 * What an event means here, before its transaction, from caches alone (blocked numbers, staff by extension): the numbers
 * and the operators concerned. The number's citizen is read inside the event's transaction, with its upsert.
 */
export interface ResolvedCtiEvent {
  /** E.164 of the citizen's side (caller inbound, callee outbound); null when withheld or unparseable. */
  phone: string | null;
  withheld: boolean;
  /** Our side (DID / line) as the PBX gave it. */
  line: string | null;
  /** Inbound from a blocked number: the PBX is told to reject it, nothing is written. */
  blocked: boolean;
  /** answer: the operator whose extension answered. */
  answering: DirectoryUser | null;
  /** new_call: the operators whose extensions ring. */
  ringing: DirectoryUser[];
}

const takesCalls = (u: DirectoryUser | null): u is DirectoryUser =>
  !!u && (u.role === 'operator' || u.role === 'supervisor');

@Injectable()
export class CtiEventResolver {
  constructor(
    private readonly blocked: BlockedNumbersService,
    private readonly directory: OperatorDirectory,
  ) {}

  async resolve(e: CtiEvent): Promise<ResolvedCtiEvent> {
    const remoteRaw = e.direction === 'inbound' ? e.from : e.to;
    const lineRaw = e.direction === 'inbound' ? e.to : e.from;
    const withheld = isWithheldCaller(remoteRaw);
    const phone = withheld ? null : normalizePhone(remoteRaw);
    const base = { phone, withheld, line: lineRaw?.slice(0, 40) ?? null };
    if (e.direction === 'inbound' && phone && (await this.blocked.isBlocked(phone)))
      return { ...base, blocked: true, answering: null, ringing: [] };
    const answering = e.type === 'answer' ? await this.directory.firstOperator(e.extensions) : null;
    const ringing: DirectoryUser[] = [];
    if (e.type === 'new_call')
      for (const ext of e.extensions) {
        const u = await this.directory.byExtension(ext);
        if (takesCalls(u)) ringing.push(u);
      }
    return { ...base, blocked: false, answering, ringing };
  }
}
