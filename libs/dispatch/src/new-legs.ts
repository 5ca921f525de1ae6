import { Injectable } from '@nestjs/common';
import { ValidationError, uuidv7 } from '@hotline/core';
import { AdministrativeUnitsService } from '@hotline/geo';
import type { BcciLeg } from './bcci-leg.entity';
import { DispatchCalendar } from './dispatch-calendar';
import type { CreateBcciRequestDto } from './dispatch.dto';
import { PricingService } from './pricing.service';
import { addressesFor, addressOf, newLeg, type RequestAddresses, timeWindow } from './request-input';

/**
 * The legs of a new request, before anything is written: addresses checked against the communes (geo's cache), the
 * window, the price frozen from the quote (pricing's cache), the remote-area flag and the J+n due date of each leg.
 */
@Injectable()
export class NewLegs {
  constructor(
    private readonly units: AdministrativeUnitsService,
    private readonly pricing: PricingService,
    private readonly calendar: DispatchCalendar,
  ) {}

  async build(dto: CreateBcciRequestDto, now: Date): Promise<BcciLeg[]> {
    const addresses = addressesFor(dto);
    await this.checkAddresses(addresses);
    const window = timeWindow(dto, now);
    const quote = await this.pricing.quote(dto, now);
    const requestId = uuidv7();
    return Promise.all(
      quote.lines.map(async (line, i) => {
        const address = addressOf(addresses, line.legKind);
        return newLeg({
          requestId,
          line,
          address,
          remoteArea: !!(await this.units.find(address.communeCode))?.remoteArea,
          window,
          // The fee on behalf is collected once: at pickup when there is a pickup leg, else at delivery of the result.
          feeExpected: i === 0 ? (dto.feeOnBehalf ?? 0) : 0,
          dueAt: this.calendar.addWorkingDays(now, line.dueWorkingDays),
          now,
        });
      }),
    );
  }

  private async checkAddresses(addresses: RequestAddresses): Promise<void> {
    for (const [field, address] of Object.entries(addresses)) {
      if (!(await this.units.find(address.communeCode)))
        throw new ValidationError(`${field}.communeCode: unknown commune code "${address.communeCode}"`, {
          field: `${field}.communeCode`,
        });
      if ((address.lat === undefined) !== (address.lng === undefined))
        throw new ValidationError(`${field}: give both lat and lng, or neither`, { field: `${field}.lat` });
    }
  }
}
