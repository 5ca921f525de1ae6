import { Injectable, Logger, SetMetadata, type Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { CitizenHistorySection } from '@hotline/contracts';

export const CITIZEN_HISTORY_PROVIDER = Symbol('CITIZEN_HISTORY_PROVIDER');

/**
 * Implemented by other contexts (requests in dispatch, tickets in feedback) so that the screen-pop can show a
 * citizen's open items without the calls context reading their tables. Mark the provider class with
 * `@CitizenHistoryProvider()` and add it to any module of the api: it is discovered at boot.
 */
export interface CitizenHistorySource {
  /** `citizenId` may be null (unknown caller): match by the E.164 phones then, or return null. Must be fast (indexed). */
  citizenHistory(citizenId: string | null, phones: string[]): Promise<CitizenHistorySection | null>;
  /**
   * Optional, the fast form: the section as one SELECT that the screen-pop sends with its own reads, in the same round trip
   * (one multi-statement query) instead of a query of its own once the citizen is known. `citizenId` is a scalar SQL
   * expression, the caller's citizen id or NULL for an unknown number: put its `sql` where the id goes and its `params` at
   * that place among the statement's. Null: no section (as `citizenHistory` answering null).
   */
  citizenHistoryStatement?(citizenId: SqlFragment, phones: string[]): CitizenHistoryStatement | null;
}

/** SQL text with its `?` parameters, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

export interface CitizenHistoryStatement extends SqlFragment {
  /** The section from the statement's rows (null: no section). */
  section(rows: Array<Record<string, unknown>>): CitizenHistorySection | null;
}

/** A screen-pop's history: the statements sent in its first round, and the sources called once the citizen is known. */
export interface HistoryPlan {
  statements: CitizenHistoryStatement[];
  later: CitizenHistorySource[];
}

const sectionsTemplate = (): Record<string, CitizenHistorySection> => ({
  requests: emptySection('requests'),
  tickets: emptySection('tickets'),
});

export const CitizenHistoryProvider = (): ClassDecorator => SetMetadata(CITIZEN_HISTORY_PROVIDER, true);

export const emptySection = (kind: string): CitizenHistorySection => ({ kind, open: 0, total: 0, latest: null });

/** Collects every registered `CitizenHistorySource`; with none registered the sections are zeros. */
@Injectable()
export class CitizenHistoryRegistry {
  private readonly logger = new Logger(CitizenHistoryRegistry.name);
  private sources: CitizenHistorySource[] | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  list(): CitizenHistorySource[] {
    this.sources ??= this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && this.reflector.get(CITIZEN_HISTORY_PROVIDER, w.metatype as Type))
      .map((w) => w.instance as CitizenHistorySource);
    return this.sources;
  }

  /** Test hook and manual registration (a context that cannot use the decorator). */
  register(source: CitizenHistorySource): void {
    this.list().push(source);
  }

  async collect(
    citizenId: string | null,
    phones: string[],
    sources = this.list(),
    out = sectionsTemplate(),
  ): Promise<Record<string, CitizenHistorySection>> {
    const results = await Promise.allSettled(sources.map((s) => s.citizenHistory(citizenId, phones)));
    for (const r of results) {
      if (r.status === 'fulfilled' && r.value) out[r.value.kind] = r.value;
      else if (r.status === 'rejected') this.failed(r.reason);
    }
    return out;
  }

  /** The statements of the sources that have the fast form (see citizenHistoryStatement); the others for later. */
  plan(citizenId: SqlFragment, phones: string[]): HistoryPlan {
    const plan: HistoryPlan = { statements: [], later: [] };
    for (const source of this.list()) {
      let statement: CitizenHistoryStatement | null | undefined;
      try {
        statement = source.citizenHistoryStatement?.(citizenId, phones);
      } catch (err) {
        this.failed(err);
        continue;
      }
      if (statement === undefined) plan.later.push(source);
      else if (statement) plan.statements.push(statement);
    }
    return plan;
  }

  /**
   * The sections: from the rows of the plan's statements (`rows[i]` answers `statements[i]`), then from the other sources,
   * called with the citizen id. `rows` null (the round failed with the statements in it and was sent again without them):
   * every source is called in its plain form.
   */
  async finish(
    plan: HistoryPlan,
    rows: Array<Array<Record<string, unknown>>> | null,
    citizenId: string | null,
    phones: string[],
  ): Promise<Record<string, CitizenHistorySection>> {
    if (!rows) return this.collect(citizenId, phones);
    const out = sectionsTemplate();
    plan.statements.forEach((statement, i) => {
      try {
        const section = statement.section(rows[i] ?? []);
        if (section) out[section.kind] = section;
      } catch (err) {
        this.failed(err);
      }
    });
    return plan.later.length ? this.collect(citizenId, phones, plan.later, out) : out;
  }

  private failed(err: unknown): void {
    this.logger.warn({ err }, 'A citizen history provider failed; its section stays empty');
  }
}
