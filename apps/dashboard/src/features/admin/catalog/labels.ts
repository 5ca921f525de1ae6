import type { TicketKind, TicketPriority } from '@hotline/contracts';
import type { MessageKey } from '../../../i18n/i18n';

/** Resource keys shared by several catalogue screens (invalidate by prefix after a change). */
export const CALENDARS_KEY = 'sla/calendars';
export const FEEDBACK_CATEGORIES_KEY = 'feedback/categories';
export const FEEDBACK_AGENCIES_KEY = 'feedback/agencies';

export const KIND_LABELS: Record<TicketKind, MessageKey> = {
  feedback: 'catalog.kind.feedback',
  petition: 'catalog.kind.petition',
  question: 'catalog.kind.question',
  overdue_dossier: 'catalog.kind.overdue_dossier',
  postal_complaint: 'catalog.kind.postal_complaint',
};

export const PRIORITY_LABELS: Record<TicketPriority, MessageKey> = {
  low: 'catalog.priority.low',
  normal: 'catalog.priority.normal',
  high: 'catalog.priority.high',
  urgent: 'catalog.priority.urgent',
};
