import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { GIA_LAI_UNITS_2025 as data } from '@hotline/geo';

interface UnitRecord {
  code: string;
  name: string;
  shortName: string;
  nameAscii: string;
  type: string;
  lat: number;
  lng: number;
  areaKm2: number;
  bbox: number[];
}

/**
 * Reference data: the 135 commune-level units of Gia Lai in force since 1/7/2025 (libs/geo/data, MIT © 2021 Thang Le Quoc).
 * Loaded once; the remote-area flag starts false and is the admin's to set.
 */
export class LoadCommunes1795991171172 implements MigrationInterface {
  name = 'LoadCommunes1795991171172';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const units = (data as { province: { code: string }; units: UnitRecord[] }).units;
    const province = (data as { province: { code: string } }).province.code;
    const now = new Date();
    for (const u of units) {
      const [minLng, minLat, maxLng, maxLat] = u.bbox;
      await queryRunner.query(
        'INSERT INTO `administrative_units` (`code`, `name`, `short_name`, `name_ascii`, `type`, `province_code`, `lat`, `lng`, `area_km2`, `min_lat`, `max_lat`, `min_lng`, `max_lng`, `remote_area`, `updated_at`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)',
        [
          u.code,
          u.name,
          u.shortName,
          u.nameAscii,
          u.type,
          province,
          u.lat,
          u.lng,
          u.areaKm2,
          minLat,
          maxLat,
          minLng,
          maxLng,
          now,
        ],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM `administrative_units`');
  }
}
