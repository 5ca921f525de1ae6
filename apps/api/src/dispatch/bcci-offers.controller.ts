import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { AcceptOffer, AssignManually, ManualAssignDto, RejectDto, RejectOffer } from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

/** Offers of legs to offices: the dispatcher answers, the supervisor assigns by hand. */
@ApiTags('bcci-legs')
@ApiBearerAuth()
@Controller()
export class BcciOffersController {
  constructor(
    private readonly acceptOffer: AcceptOffer,
    private readonly rejectOffer: RejectOffer,
    private readonly assignManually: AssignManually,
  ) {}

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
}
