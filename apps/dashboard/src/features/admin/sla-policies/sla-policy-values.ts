import type { CalendarView, EscalationRule, SlaPolicyView, TicketKind, TicketPriority } from '@hotline/contracts';
import type { MessageKey } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { invalidate } from '../../../lib/resource';
import { workingDayMinutes } from '../catalog/business-time';

export const KEY = 'sla/policies';
export const ESCALATIONS: EscalationRule[] = ['none', 'raise_priority', 'supervisor_queue'];
export const ESCALATION_LABELS: Record<EscalationRule, MessageKey> = {
  none: 'catalog.sla.escalation.none',
  raise_priority: 'catalog.sla.escalation.raise_priority',
  supervisor_queue: 'catalog.sla.escalation.supervisor_queue',
};

export interface Values {
  name: string;
  kind?: TicketKind | null;
  categoryId?: string | null;
  priority?: TicketPriority | null;
  calendar?: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  forwardMinutes?: number | null;
  warnPercent: number;
  pauseWhenForwarded: boolean;
  escalation: EscalationRule;
  active: boolean;
}

/** The calendars by id, and the length of a working day on one (the default calendar's when none is given). */
export function calendarLookup(calendars: CalendarView[] | undefined) {
  const calendarById = new Map((calendars ?? []).map((c) => [c.id, c]));
  const defaultCalendar = (calendars ?? []).find((c) => c.isDefault);
  const dayMinutesOf = (id: string | undefined) => workingDayMinutes((id && calendarById.get(id)) || defaultCalendar);
  return { calendarById, defaultCalendar, dayMinutesOf };
}

/** An edit changes the times and the behaviour only (the scope and the calendar are fixed once created). */
export async function savePolicy(editing: SlaPolicyView | null, v: Values): Promise<void> {
  const times = {
    firstResponseMinutes: v.firstResponseMinutes,
    resolutionMinutes: v.resolutionMinutes,
    ...(v.forwardMinutes ? { forwardMinutes: v.forwardMinutes } : {}),
    warnPercent: v.warnPercent,
    pauseWhenForwarded: v.pauseWhenForwarded,
    escalation: v.escalation,
    active: v.active,
  };
  if (editing) {
    await api.patch<SlaPolicyView>(`/sla/policies/${editing.id}`, { name: v.name.trim(), ...times });
  } else {
    await api.post<SlaPolicyView>('/sla/policies', {
      name: v.name.trim(),
      ...(v.kind ? { kind: v.kind } : {}),
      ...(v.categoryId ? { categoryId: v.categoryId } : {}),
      ...(v.priority ? { priority: v.priority } : {}),
      ...(v.calendar ? { calendar: v.calendar } : {}),
      ...times,
    });
  }
  invalidate(KEY);
}

/** What the form opens with: the policy being edited, or the house defaults on the default calendar. */
export function initialValues(editing: SlaPolicyView | null, defaultCalendarId: string | undefined): Partial<Values> {
  return editing
    ? { ...editing, calendar: editing.calendarId }
    : {
        calendar: defaultCalendarId,
        firstResponseMinutes: 240,
        resolutionMinutes: 2400,
        forwardMinutes: 2400,
        warnPercent: 75,
        pauseWhenForwarded: true,
        escalation: 'supervisor_queue',
        active: true,
      };
}
