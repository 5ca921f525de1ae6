import { BlockedNumber } from './blocked-number.entity';
import { CallTopic } from './call-topic.entity';
import { Call } from './call.entity';
import { CallbackAttempt } from './callback-attempt.entity';
import { Callback } from './callback.entity';
import { CitizenPhone } from './citizen-phone.entity';
import { Citizen } from './citizen.entity';
import { OperatorState } from './operator-state.entity';
import { OperatorStatusPeriod } from './operator-status-period.entity';
import { PbxToken } from './pbx-token.entity';

/** The calls context's entities, registered in the one DataSource (libs/core/src/database/entities.ts). */
export const CALLS_ENTITIES: Function[] = [
  Citizen,
  CitizenPhone,
  Call,
  CallTopic,
  PbxToken,
  BlockedNumber,
  Callback,
  CallbackAttempt,
  OperatorState,
  OperatorStatusPeriod,
];
