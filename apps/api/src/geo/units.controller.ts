import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Body, Controller, Get, Header, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdministrativeUnitView, Page } from '@hotline/contracts';
import { AnyRole, AuthUser, CurrentUser, Roles, ValidationError } from '@hotline/core';
import { AdministrativeUnitsService, ListUnitsQuery, UpdateUnitDto } from '@hotline/geo';

/** libs/geo/data, found from the source tree (jest) or the compiled tree (dist/apps/api/src/geo). */
function geoDataFile(name: string): string {
  const candidates = [
    join(__dirname, '../../../../libs/geo/data', name),
    join(__dirname, '../../../../../libs/geo/data', name),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  throw new Error(`geo data file ${name} not found`);
}

let boundaries: string | undefined;

@ApiTags('geo')
@ApiBearerAuth()
@Controller('geo')
export class UnitsController {
  constructor(private readonly units: AdministrativeUnitsService) {}

  @Get('units')
  @AnyRole()
  @ApiOperation({ summary: 'The 135 communes (xã/phường) of Gia Lai since 1/7/2025, in one page' })
  list(@Query() query: ListUnitsQuery): Promise<Page<AdministrativeUnitView>> {
    return this.units.list(query);
  }

  @Get('units/:code')
  @AnyRole()
  get(@Param('code') code: string): Promise<AdministrativeUnitView> {
    if (!/^\d{5}$/.test(code))
      throw new ValidationError('code must be a 5-digit commune code', {
        field: 'code',
        constraint: 'matches',
        params: { pattern: '^\\d{5}$' },
      });
    return this.units.get(code);
  }

  @Patch('units/:code')
  @Roles('admin')
  @ApiOperation({ summary: 'Flag/unflag a commune as remote, ethnic-minority or especially difficult area' })
  update(
    @Param('code') code: string,
    @Body() dto: UpdateUnitDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<AdministrativeUnitView> {
    if (!/^\d{5}$/.test(code))
      throw new ValidationError('code must be a 5-digit commune code', {
        field: 'code',
        constraint: 'matches',
        params: { pattern: '^\\d{5}$' },
      });
    return this.units.setRemoteArea(code, dto.remoteArea, actor.id);
  }

  @Get('boundaries')
  @AnyRole()
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @Header('cache-control', 'private, max-age=86400')
  @ApiOperation({ summary: 'Simplified commune boundaries (GeoJSON, ≈100 m) for the map; MIT, © 2021 Thang Le Quoc' })
  boundaries(): string {
    boundaries ??= readFileSync(geoDataFile('gia-lai-units-2025.geojson'), 'utf8');
    return boundaries;
  }
}
