import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RemittanceView, UnremittedRow } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { RecordRemittance, RemittanceDto, UnremittedCsvQuery, UnremittedReport } from '@hotline/dispatch';

/** Fees collected on behalf of the agencies: remittance batches and the collected-not-remitted report. */
@ApiTags('bcci-legs')
@ApiBearerAuth()
@Controller()
export class BcciRemittancesController {
  constructor(
    private readonly recordRemittance: RecordRemittance,
    private readonly report: UnremittedReport,
  ) {}

  @Post('bcci-remittances')
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({ summary: 'Record a remittance batch of fees collected on behalf' })
  remit(@Body() dto: RemittanceDto, @CurrentUser() user: AuthUser): Promise<RemittanceView> {
    return this.recordRemittance.execute(dto, user);
  }

  @Get('bcci-remittances/unremitted')
  @Roles('dispatcher', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Fees collected but not yet remitted, per office' })
  unremitted(@CurrentUser() user: AuthUser): Promise<UnremittedRow[]> {
    return this.report.summary(user);
  }

  @Get('bcci-remittances/unremitted.csv')
  @Roles('dispatcher', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Collected-not-remitted report as CSV (UTF-8 with BOM for Excel; one line per leg, a total per office)',
  })
  async unremittedCsv(
    @Query() query: UnremittedCsvQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { fileName, csv } = await this.report.csv(query.officeId, user);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`);
    return csv;
  }
}
