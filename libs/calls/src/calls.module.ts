import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { BlockedNumbersService } from './blocked-numbers.service';
import { CallLinks } from './call-links';
import { CallTopicsService } from './call-topics.service';
import { CallbacksService } from './callbacks.service';
import { CallerLookupService } from './caller-lookup.service';
import { CALLS_CONFIG } from './calls.config';
import { CallsTimers } from './calls-timers';
import { CallsService } from './calls.service';
import { CitizenHistoryRegistry } from './citizen-history';
import { CitizensService } from './citizens.service';
import { CtiEventResolver } from './cti/cti-event-resolver';
import { CtiFollowUps } from './cti/cti-follow-ups';
import { CtiScreenPop } from './cti/cti-screen-pop';
import { CtiService } from './cti/cti.service';
import { RecordCtiEvent } from './cti/record-cti-event';
import { MissedCallCallbacks } from './missed-call-callbacks';
import { OperatorDirectory } from './operator-directory';
import { OperatorPresenceService } from './operator-presence.service';
import { OperatorStatusService } from './operator-status.service';
import { OperatorTimersReconciler } from './operator-timers.reconciler';
import { PbxTokensService } from './pbx-tokens.service';
import { CallTopicsRepository } from './repositories/call-topics.repository';
import { CallbacksRepository } from './repositories/callbacks.repository';
import { CallerLookupRepository } from './repositories/caller-lookup.repository';
import { CallsRepository } from './repositories/calls.repository';
import { BlockedNumbersRepository } from './repositories/blocked-numbers.repository';
import { CitizensRepository } from './repositories/citizens.repository';
import { OperatorStatesRepository } from './repositories/operator-states.repository';
import { PbxTokensRepository } from './repositories/pbx-tokens.repository';
import { AddCitizenPhone } from './use-cases/add-citizen-phone';
import { AssignCallback } from './use-cases/assign-callback';
import { ChangeOperatorStatus } from './use-cases/change-operator-status';
import { CloseCallback } from './use-cases/close-callback';
import { CreateCitizen } from './use-cases/create-citizen';
import { LogCall } from './use-cases/log-call';
import { RecordCallbackAttempt } from './use-cases/record-callback-attempt';
import { RemoveCitizenPhone } from './use-cases/remove-citizen-phone';
import { UpdateCall } from './use-cases/update-call';
import { UpdateCitizen } from './use-cases/update-citizen';

const REPOSITORIES = [
  CitizensRepository,
  CallsRepository,
  CallTopicsRepository,
  CallbacksRepository,
  CallerLookupRepository,
  OperatorStatesRepository,
  PbxTokensRepository,
  BlockedNumbersRepository,
];

/** What the apps (controllers, gateway, job handlers) and the other contexts use. */
const PUBLIC = [
  CitizensService,
  CreateCitizen,
  UpdateCitizen,
  AddCitizenPhone,
  RemoveCitizenPhone,
  CallerLookupService,
  CitizenHistoryRegistry,
  CallsService,
  LogCall,
  UpdateCall,
  CallTopicsService,
  CtiService,
  PbxTokensService,
  BlockedNumbersService,
  CallbacksService,
  AssignCallback,
  RecordCallbackAttempt,
  CloseCallback,
  OperatorStatusService,
  OperatorPresenceService,
];

const INTERNAL = [
  CallLinks,
  CallsTimers,
  ChangeOperatorStatus,
  CtiEventResolver,
  RecordCtiEvent,
  CtiFollowUps,
  CtiScreenPop,
  MissedCallCallbacks,
  OperatorDirectory,
  OperatorTimersReconciler,
];

@Module({
  imports: [GeoModule, IdentityModule],
  providers: [
    ...REPOSITORIES,
    ...PUBLIC,
    ...INTERNAL,
    { provide: CALLS_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => c.calls },
  ],
  exports: [...PUBLIC, CALLS_CONFIG],
})
export class CallsModule {}
