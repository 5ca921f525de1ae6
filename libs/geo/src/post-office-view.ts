import type { PostOfficeView } from '@hotline/contracts';
import type { PostOffice } from './post-office.entity';

export function toOfficeView(o: PostOffice, serviceArea: string[]): PostOfficeView {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    address: o.address,
    communeCode: o.communeCode,
    lat: Number(o.lat),
    lng: Number(o.lng),
    phone: o.phone,
    openingHours: o.openingHours,
    dailyCapacity: o.dailyCapacity,
    active: o.active,
    serviceArea: [...serviceArea].sort(),
    isDemo: o.isDemo,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
