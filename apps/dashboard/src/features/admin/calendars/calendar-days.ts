import type { CalendarDayView } from '@hotline/contracts';
import type { MessageKey } from '../../../i18n/i18n';

export const WEEKDAYS: MessageKey[] = [
  'catalog.cal.wd0',
  'catalog.cal.wd1',
  'catalog.cal.wd2',
  'catalog.cal.wd3',
  'catalog.cal.wd4',
  'catalog.cal.wd5',
  'catalog.cal.wd6',
];
export const WEEKDAYS_SHORT: MessageKey[] = [
  'catalog.cal.wds0',
  'catalog.cal.wds1',
  'catalog.cal.wds2',
  'catalog.cal.wds3',
  'catalog.cal.wds4',
  'catalog.cal.wds5',
  'catalog.cal.wds6',
];
/** Monday first, as a Vietnamese week is written (Thứ Hai ... Chủ nhật). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export const weekdayOf = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

export type DayClass = 'work' | 'rest' | 'holiday' | 'off' | 'makeup';
export const DAY_COLORS: Record<DayClass, string> = {
  work: '#ffffff',
  rest: '#e8ebf0',
  holiday: '#ff7875',
  off: '#ffc069',
  makeup: '#95de64',
};
export const DAY_LEGEND: Record<DayClass, MessageKey> = {
  work: 'catalog.cal.legend.work',
  rest: 'catalog.cal.legend.rest',
  holiday: 'catalog.cal.legend.holiday',
  off: 'catalog.cal.legend.off',
  makeup: 'catalog.cal.legend.makeup',
};

export function dayClass(d: CalendarDayView): DayClass {
  if (d.source === 'exception') return d.working ? 'makeup' : 'off';
  if (d.source === 'holiday') return 'holiday';
  return d.working ? 'work' : 'rest';
}
