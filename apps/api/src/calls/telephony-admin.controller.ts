import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BlockedNumberView, Page, PbxTokenView } from '@hotline/contracts';
import { BlockedNumbersService, BlockNumberDto, CreatePbxTokenDto, PbxTokensService } from '@hotline/calls';
import { AuthUser, CurrentUser, Roles } from '@hotline/core';
import { uuidPipe } from '../http/pipes';

/** Admin: the PBXs allowed to post events, and the numbers they are told to reject. */
@ApiTags('cti')
@Controller()
export class TelephonyAdminController {
  constructor(
    private readonly pbxTokens: PbxTokensService,
    private readonly blockedNumbers: BlockedNumbersService,
  ) {}

  @Get('cti/tokens')
  @Roles('admin')
  @ApiBearerAuth()
  tokens(): Promise<Page<PbxTokenView>> {
    return this.pbxTokens.list();
  }

  @Post('cti/tokens')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Register a PBX; the token is shown once' })
  createToken(@Body() dto: CreatePbxTokenDto, @CurrentUser() user: AuthUser): Promise<PbxTokenView> {
    return this.pbxTokens.create(dto.name, dto.outboundCallerId ?? null, user.id);
  }

  @Post('cti/tokens/:id/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  revoke(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<PbxTokenView> {
    return this.pbxTokens.revoke(id, user.id);
  }

  @Get('blocked-numbers')
  @Roles('supervisor', 'admin')
  @ApiBearerAuth()
  blocked(): Promise<Page<BlockedNumberView>> {
    return this.blockedNumbers.list();
  }

  @Post('blocked-numbers')
  @Roles('admin')
  @ApiBearerAuth()
  block(@Body() dto: BlockNumberDto, @CurrentUser() user: AuthUser): Promise<BlockedNumberView> {
    return this.blockedNumbers.block(dto.phone, dto.reason ?? null, user.id);
  }

  @Delete('blocked-numbers/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiBearerAuth()
  async unblock(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.blockedNumbers.unblock(id, user.id);
  }
}
