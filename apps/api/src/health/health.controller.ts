import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public, REDIS } from '@hotline/core';
import type { FastifyReply } from 'fastify';

const TIMEOUT_MS = 1500;

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when MySQL and Redis answer, 503 otherwise' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: TIMEOUT_MS }),
        () => this.redisCheck(),
      ]);
    } catch (err) {
      // Keep Terminus' per-service details in the 503 body: that is what an operator reads.
      if (err instanceof ServiceUnavailableException) {
        void reply.status(503);
        return err.getResponse() as HealthCheckResult;
      }
      throw err;
    }
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      });
      await Promise.race([this.redis.ping(), timeout]).finally(() => clearTimeout(timer));
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
