import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { CitizenHistorySection, CallerLookupView, CitizenView } from '@hotline/contracts';
import { formatPhoneVN, isWithheldCaller } from '@hotline/contracts';
import { AdministrativeUnitsService } from '@hotline/geo';
import { Call } from './call.entity';
import { CALLS_CONFIG, CallsConfig } from './calls.config';
import { Callback } from './callback.entity';
import { CitizenHistoryRegistry, emptySection } from './citizen-history';
import { CitizenPhone } from './citizen-phone.entity';
import { Citizen } from './citizen.entity';
import { requirePhone, toCitizenView } from './citizens.service';
import { dbManager } from '@hotline/core';

/** The screen-pop data: identity, last calls, open requests/tickets, remote-area commune. A handful of indexed reads. */
@Injectable()
export class CallerLookupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
    const calls = dbManager(this.db).getRepository(Call);
    const callsOf = (phones: string[]) =>
      Promise.all([
        calls.find({
          select: ['id', 'direction', 'channel', 'startedAt', 'outcome', 'topicId', 'operatorId', 'talkSeconds'],
          where: { phone: In(phones) },
          order: { startedAt: 'DESC', id: 'DESC' },
          take: this.config.screenPopLastCalls,
        }),
        calls.countBy({ phone: In(phones) }),
        dbManager(this.db)
          .getRepository(Callback)
          .findOne({ select: ['id'], where: { openPhone: In(phones), state: 'open', id: Not(IsNull()) } }),
      ]);
    const [link, own] = await Promise.all([
      dbManager(this.db).getRepository(CitizenPhone).findOneBy({ phone: e164 }),
      callsOf([e164]),
    ]);
    let citizen: CitizenView | null = null;
    let [lastCalls, callCount, callback] = own;
    let history: Record<string, CitizenHistorySection>;
    if (link) {
      // The other contexts' sections only need the citizen id: read them in the same round trip as the citizen.
      const [row, phones, sections] = await Promise.all([
        dbManager(this.db).getRepository(Citizen).findOneBy({ id: link.citizenId }),
        dbManager(this.db)
          .getRepository(CitizenPhone)
          .find({ where: { citizenId: link.citizenId }, order: { isPrimary: 'DESC', createdAt: 'ASC' } }),
        this.history.collect(link.citizenId, [e164]),
      ]);
      history = sections;
      if (row) citizen = toCitizenView(row, phones);
      if (phones.length > 1) [lastCalls, callCount, callback] = await callsOf(phones.map((p) => p.phone));
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
      lastCalls: lastCalls.map((c) => ({
        id: c.id,
        direction: c.direction,
        channel: c.channel,
        startedAt: c.startedAt.toISOString(),
        outcome: c.outcome,
        topicId: c.topicId,
        operatorId: c.operatorId,
        talkSeconds: c.talkSeconds,
      })),
      callCount,
      history: history as CallerLookupView['history'],
      openCallbackId: callback?.id ?? null,
    };
  }
}
