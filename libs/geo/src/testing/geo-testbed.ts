import { FakeClock, FakeUnitOfWork } from '@hotline/core';
import type { AdministrativeUnit } from '../administrative-unit.entity';
import { AdministrativeUnitsService } from '../administrative-units.service';
import { PostOfficeChecker } from '../post-office-checker';
import { PostOfficeWriter } from '../post-office-writer';
import { PostOfficesService } from '../post-offices.service';
import type { AdministrativeUnitsRepository } from '../repositories/administrative-units.repository';
import type { PostOfficesRepository } from '../repositories/post-offices.repository';
import { InMemoryAdministrativeUnitsRepository, unit } from './in-memory-administrative-units.repository';
import { InMemoryPostOfficesRepository } from './in-memory-post-offices.repository';

export const PLEIKU = unit('23575', 'Phường Pleiku', { lat: 13.9833, lng: 108.0002 });
export const HOI_PHU = unit('23584', 'Phường Hội Phú', { lat: 13.96, lng: 108.01 });
export const IA_GRAI = unit('23620', 'Xã Ia Grai', { lat: 13.99, lng: 107.8 });
export const QUY_NHON = unit('21583', 'Phường Quy Nhơn', { lat: 13.77, lng: 109.23 });
export const AN_LAO = unit('21610', 'Xã An Lão', { lat: 14.5, lng: 108.9 });

/** The geo context in memory: five communes, no offices, a clock the test moves. */
export function geoTestbed(units: AdministrativeUnit[] = [PLEIKU, HOI_PHU, IA_GRAI, QUY_NHON, AN_LAO]) {
  const clock = new FakeClock();
  const uow = new FakeUnitOfWork(clock);
  const unitsRepo = new InMemoryAdministrativeUnitsRepository(units);
  const officesRepo = new InMemoryPostOfficesRepository();
  const unitsService = new AdministrativeUnitsService(
    unitsRepo as unknown as AdministrativeUnitsRepository,
    uow.asUnitOfWork,
    clock,
  );
  const offices = officesRepo as unknown as PostOfficesRepository;
  return {
    clock,
    uow,
    unitsRepo,
    officesRepo,
    offices,
    units: unitsService,
    checker: new PostOfficeChecker(unitsService),
    writer: new PostOfficeWriter(offices, uow.asUnitOfWork, clock),
    read: new PostOfficesService(offices),
  };
}
