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
}

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

  async collect(citizenId: string | null, phones: string[]): Promise<Record<string, CitizenHistorySection>> {
    const out: Record<string, CitizenHistorySection> = {
      requests: emptySection('requests'),
      tickets: emptySection('tickets'),
    };
    const results = await Promise.allSettled(this.list().map((s) => s.citizenHistory(citizenId, phones)));
    for (const r of results) {
      if (r.status === 'fulfilled' && r.value) out[r.value.kind] = r.value;
      else if (r.status === 'rejected')
        this.logger.warn({ err: r.reason }, 'A citizen history provider failed; its section stays empty');
    }
    return out;
  }
}
