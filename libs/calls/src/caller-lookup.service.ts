import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CallerLookupView } from '@hotline/contracts';
import { formatPhoneVN, isWithheldCaller } from '@hotline/contracts';
import { AdministrativeUnitsService } from '@hotline/geo';
import { CALLS_CONFIG, CallsConfig } from './calls.config';
import { type CitizenHistoryStatement, CitizenHistoryRegistry, emptySection } from './citizen-history';
import { requirePhone } from './phone-input';
import { CallerLookupRepository, type FirstRound, type LastCall } from './repositories/caller-lookup.repository';
import { toCitizenView } from './views';

const lastCallView = (c: LastCall): CallerLookupView['lastCalls'][number] => ({
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
  private readonly logger = new Logger(CallerLookupService.name);

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
   * Latency matters (5 ms p95 over HTTP with 1 M calls): the first round is one multi-statement query — the number's
   * citizen with their numbers, the number's last calls, call count and open callback, and the history sections of the
   * contexts that give theirs as SQL (keyed by the citizen id of the number, resolved inside the statements). A second
   * round only for a citizen with several numbers (the calls of all of them) and for sections given only as a method.
   */
  async byE164(e164: string): Promise<CallerLookupView> {
    const phones = [e164];
    const plan = this.history.plan(this.reads.citizenIdOf(e164), phones);
    const { round, sideRows } = await this.firstRound(e164, plan.statements);
    const citizen = round.citizen ? toCitizenView(round.citizen.row, round.citizen.phones) : null;
    const all = round.citizen?.phones.map((p) => p.phone) ?? phones;
    const [calls, history, unit] = await Promise.all([
      all.length > 1 ? this.reads.callsOfNumbers(all, this.config.screenPopLastCalls) : round,
      this.history.finish(plan, sideRows, citizen?.id ?? null, phones),
      citizen?.communeCode ? this.units.find(citizen.communeCode) : undefined,
    ]);
    return {
      phone: e164,
      display: formatPhoneVN(e164),
      withheld: false,
      citizen,
      commune: unit ? { code: unit.code, name: unit.name, remoteArea: !!unit.remoteArea } : null,
      lastCalls: calls.lastCalls.map(lastCallView),
      callCount: calls.callCount,
      history: history as CallerLookupView['history'],
      openCallbackId: calls.openCallbackId,
    };
  }

  /**
   * The first round with the history statements in it; when it fails with them, once more without (a section that cannot
   * be read stays empty, as a failing provider's does, instead of failing the screen-pop).
   */
  private async firstRound(
    e164: string,
    side: CitizenHistoryStatement[],
  ): Promise<{ round: FirstRound; sideRows: FirstRound['side'] | null }> {
    const take = this.config.screenPopLastCalls;
    if (!side.length) return { round: await this.reads.firstRound(e164, take, []), sideRows: [] };
    try {
      const round = await this.reads.firstRound(e164, take, side);
      return { round, sideRows: round.side };
    } catch (err) {
      this.logger.warn({ err }, 'The screen-pop history statements failed; read again without them');
      return { round: await this.reads.firstRound(e164, take, []), sideRows: null };
    }
  }
}
