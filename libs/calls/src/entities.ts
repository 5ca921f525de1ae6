import type { EntityClass } from '@hotline/core';
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

/** The calls context's entities, registered in the one data source (composed in apps/composition). */
export const CALLS_ENTITIES: EntityClass[] = [
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
