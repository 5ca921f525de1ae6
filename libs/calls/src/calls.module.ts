import { Module } from '@nestjs/common';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { CallbacksService } from './callbacks.service';
import { CallerLookupService } from './caller-lookup.service';
import { CALLS_CONFIG, loadCallsConfig } from './calls.config';
import { CallsRealtime } from './calls-realtime';
import { CallsService } from './calls.service';
import { CitizenHistoryRegistry } from './citizen-history';
import { CitizensService } from './citizens.service';
import { CtiService } from './cti.service';
import { OperatorDirectory } from './operator-directory';
import { OperatorStatusService } from './operator-status.service';

const SERVICES = [
  CitizensService,
  CallsService,
  CallerLookupService,
  CtiService,
  CallbacksService,
  OperatorStatusService,
  OperatorDirectory,
  CallsRealtime,
  CitizenHistoryRegistry,
];

@Module({
  imports: [GeoModule, IdentityModule],
  providers: [...SERVICES, { provide: CALLS_CONFIG, useFactory: () => loadCallsConfig(process.env) }],
  exports: [...SERVICES, CALLS_CONFIG],
})
export class CallsModule {}
