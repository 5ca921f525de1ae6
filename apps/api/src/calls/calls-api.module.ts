import { Module } from '@nestjs/common';
import { CallsModule } from '@hotline/calls';
import { CallbacksController } from './callbacks.controller';
import { CallTopicsController } from './call-topics.controller';
import { CallsController } from './calls.controller';
import { CitizenPhonesController } from './citizen-phones.controller';
import { CitizensController } from './citizens.controller';
import { CtiController } from './cti.controller';
import { CtiTokenGuard } from './cti-token.guard';
import { OperatorStatusController } from './operator-status.controller';
import { TelephonyAdminController } from './telephony-admin.controller';

/**
 * HTTP entry points of the calls context (controllers stay thin: validate, call one service method, return).
 *
 * Form-encoded bodies (PBXs set up for Zammad): no parser of ours is needed. NestJS's FastifyAdapter registers an
 * `application/x-www-form-urlencoded` parser (fast-querystring, repeated `user[]` keys become an array) during
 * `app.init()`, before any module's onModuleInit could; test/calls/cti.e2e-spec.ts proves the form path end to end.
 */
@Module({
  imports: [CallsModule],
  controllers: [
    CitizensController,
    CitizenPhonesController,
    CallsController,
    CallTopicsController,
    CtiController,
    TelephonyAdminController,
    CallbacksController,
    OperatorStatusController,
  ],
  providers: [CtiTokenGuard],
  // Re-exported so that the platform's socket gateway can reach OperatorPresenceService (presence hook).
  exports: [CallsModule],
})
export class CallsApiModule {}
