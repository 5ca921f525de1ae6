import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegView, Page, RemittanceView, UnremittedRow } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import {
  AcceptOffer,
  AssignCourier,
  AssignManually,
  CancelLeg,
  CourierDto,
  DeliverDto,
  LegQueries,
  ListLegsQuery,
  ManualAssignDto,
  PickupDto,
  ReasonDto,
  RecordDelivery,
  RecordFailedAttempt,
  RecordPickup,
  RecordRemittance,
  RejectDto,
  RejectOffer,
  RemittanceDto,
  ReturnToAgency,
  UnremittedCsvQuery,
  UnremittedReport,
} from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

/** The dispatcher's screen (scoped to their office inside the queries) and the supervisor's overrides. */
@ApiTags('bcci-legs')
@ApiBearerAuth()
@Controller()
export class BcciLegsController {
  constructor(
    private readonly legs: LegQueries,
    private readonly report: UnremittedReport,
    private readonly acceptOffer: AcceptOffer,
    private readonly rejectOffer: RejectOffer,
    private readonly assignManually: AssignManually,
    private readonly assignCourier: AssignCourier,
    private readonly recordPickup: RecordPickup,
    private readonly recordDelivery: RecordDelivery,
    private readonly recordFailure: RecordFailedAttempt,
    private readonly returnItem: ReturnToAgency,
    private readonly cancelLeg: CancelLeg,
    private readonly recordRemittance: RecordRemittance,
  ) {}

  @Get('bcci-legs')
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({
    summary: 'Legs, newest change first; active=true for those still on their way (not finished); cursor paging',
  })
  list(@Query() query: ListLegsQuery, @CurrentUser() user: AuthUser): Promise<Page<LegView>> {
    return this.legs.list(query, user);
  }

  @Get('bcci-legs/:id')
  @Roles('dispatcher', 'supervisor')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.legs.get(id, user);
  }

  @Post('bcci-legs/:id/accept')
  @HttpCode(200)
  @Roles('dispatcher')
  @ApiOperation({ summary: "Accept the office's pending offer (409 when someone else answered first)" })
  accept(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.acceptOffer.execute(id, user);
  }

  @Post('bcci-legs/:id/reject')
  @HttpCode(200)
  @Roles('dispatcher')
  @ApiOperation({ summary: 'Reject the offer with a reason; the leg is re-routed to the next nearest eligible office' })
  reject(@Param('id', uuidPipe) id: string, @Body() dto: RejectDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.rejectOffer.execute(id, dto.reason, user);
  }

  @Post('bcci-legs/:id/assign')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Assign an office by hand (unroutable or routing legs)' })
  assign(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ManualAssignDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LegView> {
    return this.assignManually.execute(id, dto.officeId, user);
  }

  @Post('bcci-legs/:id/courier')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  courier(@Param('id', uuidPipe) id: string, @Body() dto: CourierDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.assignCourier.execute(id, dto, user);
  }

  @Post('bcci-legs/:id/pickup')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({ summary: 'Picked up, with the Decision 45 art. 6 checklist' })
  pickup(@Param('id', uuidPipe) id: string, @Body() dto: PickupDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.recordPickup.execute(id, dto, user);
  }

  @Post('bcci-legs/:id/deliver')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({ summary: 'Delivered, with proof of delivery' })
  deliver(@Param('id', uuidPipe) id: string, @Body() dto: DeliverDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.recordDelivery.execute(id, dto, user);
  }

  @Post('bcci-legs/:id/fail')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  fail(@Param('id', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.recordFailure.execute(id, dto.reason, user);
  }

  @Post('bcci-legs/:id/return-to-agency')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  returnToAgency(
    @Param('id', uuidPipe) id: string,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LegView> {
    return this.returnItem.execute(id, dto.reason, user);
  }

  @Post('bcci-legs/:id/cancel')
  @HttpCode(200)
  @Roles('operator', 'supervisor')
  cancel(@Param('id', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.cancelLeg.execute(id, dto.reason, user);
  }

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
