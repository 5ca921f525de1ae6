/** Every migration, in order. `npm run migration:generate -- Name` adds new ones between the markers. */
import type { MigrationClass } from '@hotline/core';
// -- imports --
import { Initial1795991170172 } from './1795991170172-Initial';
import { LoadCommunes1795991171172 } from './1795991171172-LoadCommunes';
import { Citizens1795993457128 } from './1795993457128-Citizens';
import { Calls1795994049060 } from './1795994049060-Calls';
import { SeedCallTopics1795994049061 } from './1795994049061-SeedCallTopics';
import { Dispatch1795994077321 } from './1795994077321-Dispatch';
import { SeedBcciPricing1795994077322 } from './1795994077322-SeedBcciPricing';
import { Feedback1795994145250 } from './1795994145250-Feedback';
import { SeedFeedback1795994145251 } from './1795994145251-SeedFeedback';
import { DispatchRequestListIndexes1796002856739 } from './1796002856739-DispatchRequestListIndexes';
import { MailOutbox1796003682232 } from './1796003682232-MailOutbox';
import { Outbox1796306602296 } from './1796306602296-Outbox';
import { LegHistoryInAuditLog1796310163929 } from './1796310163929-LegHistoryInAuditLog';
import { TicketListSearch1796326027559 } from './1796326027559-TicketListSearch';

export const MIGRATIONS: MigrationClass[] = [
  Initial1795991170172,
  LoadCommunes1795991171172,
  Citizens1795993457128,
  Calls1795994049060,
  SeedCallTopics1795994049061,
  Dispatch1795994077321,
  SeedBcciPricing1795994077322,
  Feedback1795994145250,
  SeedFeedback1795994145251,
  DispatchRequestListIndexes1796002856739,
  MailOutbox1796003682232,
  Outbox1796306602296,
  LegHistoryInAuditLog1796310163929,
  TicketListSearch1796326027559,
  // -- end --
];
