import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegView } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { CancelLeg, ReasonDto, RecordFailedAttempt, ReturnToAgency } from '@hotline/dispatch';
import { uuidPipe } from '../http/pipes';

/** When a delivery does not happen: a failed attempt, the item back to the agency, a cancel before pickup. */
@ApiTags('bcci-legs')
@ApiBearerAuth()
@Controller()
export class BcciExceptionsController {
  constructor(
    private readonly recordFailure: RecordFailedAttempt,
    private readonly returnItem: ReturnToAgency,
    private readonly cancelLeg: CancelLeg,
  ) {}

  @Post('bcci-legs/:id/fail')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  fail(@Param('id', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentUser() user: AuthUser): Promise<LegView> {
    return this.recordFailure.execute(id, dto.reason, user);
  }

  @Post('bcci-legs/:id/return-to-agency')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor')
  @ApiOperation({ summary: 'Back to the agency: after two invitations at least 2 working days apart' })
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
}
