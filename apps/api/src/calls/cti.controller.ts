import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BlockedNumberView, PbxTokenView } from '@hotline/contracts';
import {
  BlockNumberDto,
  CreatePbxTokenDto,
  CtiEvent,
  CtiEventDto,
  CtiResult,
  CtiService,
  PbxToken,
  fromZammad,
} from '@hotline/calls';
import { AuthUser, Clock, CurrentUser, OwnAuth, Roles, ValidationError } from '@hotline/core';
import type { FastifyRequest } from 'fastify';
import { uuidPipe } from '../http/pipes';
import { CtiTokenGuard } from './cti-token.guard';

type PbxRequest = FastifyRequest & { pbx: PbxToken };

/** Zammad's answer: `{}`, a reject for a blocked caller, a dial instruction for outbound caller-id routing. */
export function zammadAnswer(r: CtiResult): Record<string, string> {
  if (r.action === 'reject') return { action: 'reject', reason: r.reason ?? 'busy' };
  if (r.action === 'dial') return { action: 'dial', caller_id: r.callerId!, number: r.number! };
  return {};
}

/** Multipart fields → a plain object (`user[]` repeated → array). */
async function multipartFields(req: FastifyRequest): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for await (const part of req.parts()) {
    if (part.type !== 'field') continue;
    const key = part.fieldname;
    const value = String(part.value);
    if (key.endsWith('[]')) out[key] = [...((out[key] as string[]) ?? []), value];
    else out[key] = value;
  }
  return out;
}

@ApiTags('cti')
@Controller()
export class CtiController {
  constructor(
    private readonly cti: CtiService,
    private readonly clock: Clock,
  ) {}

  @Post('cti/events')
  @HttpCode(200)
  @OwnAuth('PBX token in the x-cti-token header')
  @UseGuards(CtiTokenGuard)
  @ApiHeader({ name: 'x-cti-token', required: true })
  @ApiOperation({ summary: 'PBX events new_call / answer / hangup (idempotent, order-tolerant)' })
  async event(@Body() dto: CtiEventDto, @Req() req: PbxRequest): Promise<CtiResult> {
    const e: CtiEvent = {
      type: dto.event,
      callId: dto.call_id,
      direction: dto.direction === 'in' || dto.direction === 'inbound' ? 'inbound' : 'outbound',
      from: dto.from ?? null,
      to: dto.to ?? null,
      queue: dto.queue ?? null,
      extensions: [dto.extension, dto.agent].filter((x): x is string => !!x),
      cause: dto.cause ?? null,
      at: this.eventTime(dto.at),
    };
    return this.cti.ingest(req.pbx, e);
  }

  /** A PBX clock may drift: an event time far from ours is refused rather than stored. */
  private eventTime(at: string | undefined): Date {
    const now = this.clock.now();
    if (!at) return now;
    const t = new Date(at);
    if (Math.abs(t.getTime() - now.getTime()) > 24 * 3600_000)
      throw new ValidationError('at: more than 24 h away from the server time', { field: 'at' });
    return t;
  }

  @Post('v1/cti/:token')
  @HttpCode(200)
  @OwnAuth('PBX token in the path (Zammad generic CTI)')
  @UseGuards(CtiTokenGuard)
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data', 'application/json')
  @ApiOperation({ summary: "Zammad's generic CTI format, unchanged (drop-in for PBXs set up for Zammad)" })
  async zammad(@Req() req: PbxRequest): Promise<Record<string, string>> {
    const body = req.isMultipart() ? await multipartFields(req) : req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new ValidationError('send the event as form fields or a JSON object');
    const e = fromZammad(body as Record<string, unknown>, this.clock.now());
    if (typeof e === 'string') throw new ValidationError(e);
    return zammadAnswer(await this.cti.ingest(req.pbx, e));
  }

  // ---- admin: PBX tokens and blocked numbers

  @Get('cti/tokens')
  @Roles('admin')
  @ApiBearerAuth()
  tokens(): Promise<PbxTokenView[]> {
    return this.cti.tokens();
  }

  @Post('cti/tokens')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Register a PBX; the token is shown once' })
  createToken(@Body() dto: CreatePbxTokenDto, @CurrentUser() user: AuthUser): Promise<PbxTokenView> {
    return this.cti.createToken(dto.name, dto.outboundCallerId ?? null, user.id);
  }

  @Post('cti/tokens/:id/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  revoke(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<PbxTokenView> {
    return this.cti.revokeToken(id, user.id);
  }

  @Get('blocked-numbers')
  @Roles('supervisor', 'admin')
  @ApiBearerAuth()
  blocked(): Promise<BlockedNumberView[]> {
    return this.cti.blocked();
  }

  @Post('blocked-numbers')
  @Roles('admin')
  @ApiBearerAuth()
  block(@Body() dto: BlockNumberDto, @CurrentUser() user: AuthUser): Promise<BlockedNumberView> {
    return this.cti.block(dto.phone, dto.reason ?? null, user.id);
  }

  @Delete('blocked-numbers/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiBearerAuth()
  async unblock(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.cti.unblock(id, user.id);
  }
}
