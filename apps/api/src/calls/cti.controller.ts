import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CtiEvent, CtiEventDto, CtiResult, CtiService, PbxToken, fromZammad } from '@hotline/calls';
import { Clock, OwnAuth, ValidationError } from '@hotline/core';
import type { FastifyRequest } from 'fastify';
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
}
