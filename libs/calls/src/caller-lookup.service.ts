import { Inject, Injectable } from '@nestjs/common';
import type { CallerLookupView, CitizenHistorySection, CitizenView } from '@hotline/contracts';
import { formatPhoneVN, isWithheldCaller } from '@hotline/contracts';
import { AdministrativeUnitsService } from '@hotline/geo';
import type { Call } from './call.entity';
import { CALLS_CONFIG, CallsConfig } from './calls.config';
import { CitizenHistoryRegistry, emptySection } from './citizen-history';
import { requirePhone } from './phone-input';
import { CallerLookupRepository } from './repositories/caller-lookup.repository';
import { toCitizenView } from './views';

type History = Record<string, CitizenHistorySection>;

const lastCallView = (c: Call): CallerLookupView['lastCalls'][number] => ({
  id: c.id,
  direction: c.direction,
  channel: c.channel,
  startedAt: c.startedAt.toISOString(),
  outcome: c.outcome,
  topicId: c.topicId,
  operatorId: c.operatorId,
  talkSeconds: c.talkSeconds,
});

/** The screen-pop data: identity, last calls, open requests/tickets, remote-area commune. A handful of indexed reads. */
@Injectable()
export class CallerLookupService {
  constructor(
    private readonly reads: CallerLookupRepository,
    private readonly units: AdministrativeUnitsService,
    private readonly history: CitizenHistoryRegistry,
    @Inject(CALLS_CONFIG) private readonly config: CallsConfig,
  ) {}

  withheld(): CallerLookupView {
    return {
      phone: null,
      display: null,
      withheld: true,
      citizen: null,
      commune: null,
      lastCalls: [],
      callCount: 0,
      history: { requests: emptySection('requests'), tickets: emptySection('tickets') },
      openCallbackId: null,
    };
  }

  /** Any Vietnamese form; a withheld caller ("anonymous", empty...) gives an empty, marked answer; junk is a 400. */
  async lookup(raw: string | null | undefined): Promise<CallerLookupView> {
    if (isWithheldCaller(raw)) return this.withheld();
    return this.byE164(requirePhone(raw as string));
  }

  /**
   * Latency matters (50 ms p95 with 1 M calls): the number's own calls are read in parallel with the citizen link,
   * and read again for all the citizen's numbers only when they have more than one.
   */
  async byE164(e164: string): Promise<CallerLookupView> {
    const [link, own] = await Promise.all([this.reads.phoneLink(e164), this.callsOf([e164])]);
    let citizen: CitizenView | null = null;
    let [lastCalls, callCount, openCallbackId] = own;
    let history: History;
    if (link) {
      // The other contexts' sections only need the citizen id: read them in the same round trip as the citizen.
      const [row, phones, sections] = await Promise.all([
        this.reads.citizen(link.citizenId),
        this.reads.phonesOf(link.citizenId),
        this.history.collect(link.citizenId, [e164]),
      ]);
      history = sections;
      if (row) citizen = toCitizenView(row, phones);
      if (phones.length > 1) [lastCalls, callCount, openCallbackId] = await this.callsOf(phones.map((p) => p.phone));
    } else {
      history = await this.history.collect(null, [e164]);
    }
    const unit = citizen?.communeCode ? await this.units.find(citizen.communeCode) : undefined;
    return {
      phone: e164,
      display: formatPhoneVN(e164),
      withheld: false,
      citizen,
      commune: unit ? { code: unit.code, name: unit.name, remoteArea: !!unit.remoteArea } : null,
      lastCalls: lastCalls.map(lastCallView),
      callCount,
      history: history as CallerLookupView['history'],
      openCallbackId,
    };
  }

  private callsOf(phones: string[]): Promise<[Call[], number, string | null]> {
    return Promise.all([
      this.reads.lastCalls(phones, this.config.screenPopLastCalls),
      this.reads.callCount(phones),
      this.reads.openCallbackId(phones),
    ]);
  }
}
