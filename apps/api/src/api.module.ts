import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig, AuthGuard, CoreModule, REDIS, RedisThrottlerStorage } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { CallsApiModule } from './calls/calls-api.module';
import { DispatchApiModule } from './dispatch/dispatch-api.module';
import { FeedbackApiModule } from './feedback/feedback-api.module';
import { AnnouncementsController } from './announcements/announcements.controller';
import { AnnouncementsService } from './announcements/announcements.service';
import { PostOfficeImportController } from './geo/post-office-import.controller';
import { PostOfficesController } from './geo/post-offices.controller';
import { UnitsController } from './geo/units.controller';
import { HealthController } from './health/health.controller';
import { AccountController } from './identity/account.controller';
import { AuthController } from './identity/auth.controller';
import { UserAccessController } from './identity/user-access.controller';
import { UsersController } from './identity/users.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { EventsGateway } from './realtime/events.gateway';
import { COMPOSITION } from '../../composition/src';

/** Login attempts are counted per client IP and per username, in Redis (shared by every api instance). */
function loginThrottlers(config: AppConfig, redis: Redis) {
  const ttl = config.auth.loginWindowSeconds * 1000;
  return {
    throttlers: [
      {
        name: 'login-ip',
        ttl,
        limit: config.auth.loginLimitPerIp,
        getTracker: (req: { ip?: string }) => `ip:${req.ip ?? 'unknown'}`,
      },
      {
        name: 'login-user',
        ttl,
        limit: config.auth.loginLimitPerUser,
        getTracker: (req: { body?: { username?: unknown } }) =>
          `user:${String(req.body?.username ?? '')
            .trim()
            .toLowerCase()}`,
      },
    ],
    storage: new RedisThrottlerStorage(redis, config.redis.prefix),
    errorMessage: 'Too many login attempts: wait a few minutes before trying again',
  };
}

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, COMPOSITION),
        ThrottlerModule.forRootAsync({ inject: [APP_CONFIG, REDIS], useFactory: loginThrottlers }),
        TerminusModule.forRoot({ logger: false }),
        IdentityModule,
        GeoModule,
        CallsApiModule,
        DispatchApiModule,
        FeedbackApiModule,
      ],
      controllers: [
        AuthController,
        AccountController,
        UsersController,
        UserAccessController,
        UnitsController,
        PostOfficesController,
        PostOfficeImportController,
        AnnouncementsController,
        HealthController,
        MetricsController,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }, EventsGateway, MetricsService, AnnouncementsService],
    };
  }
}
