import units from '../data/gia-lai-units-2025.json';

/** The 135 communes of Gia Lai since 1/7/2025 (MIT © Thang Le Quoc, see libs/geo/data): loaded by the LoadCommunes migration. */
export const GIA_LAI_UNITS_2025 = units;
