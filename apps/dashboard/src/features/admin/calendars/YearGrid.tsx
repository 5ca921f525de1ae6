import { useMemo } from 'react';
import { Space, Tooltip, Typography } from 'antd';
import type { CalendarDayView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { localDateVN } from '../catalog/dates';
import { DAY_COLORS, DAY_LEGEND, dayClass, WEEK_ORDER, WEEKDAYS_SHORT, type DayClass } from './calendar-days';

/** Twelve small months; each day coloured by what it resolves to (weekly hours, holiday, dated exception). */
export function YearGrid({ days }: { days: CalendarDayView[] }) {
  const { t } = useI18n();
  const months = useMemo(() => {
    const out: CalendarDayView[][] = Array.from({ length: 12 }, () => []);
    for (const d of days) out[Number(d.date.slice(5, 7)) - 1].push(d);
    return out;
  }, [days]);
  if (!days.length) return null;
  return (
    <>
      <Space wrap size="middle" style={{ marginBottom: 12 }}>
        {(Object.keys(DAY_LEGEND) as DayClass[]).map((c) => (
          <Space key={c} size={4}>
            <span className="catalog-day-swatch" style={{ background: DAY_COLORS[c] }} />
            <Typography.Text style={{ fontSize: 12 }}>{t(DAY_LEGEND[c])}</Typography.Text>
          </Space>
        ))}
      </Space>
      <div className="catalog-year-grid" data-testid="year-grid">
        {months.map((list, m) => (
          <div key={m} className="catalog-month">
            <div className="catalog-month-title">{t('catalog.cal.month', { m: m + 1 })}</div>
            <div className="catalog-month-days">
              {WEEK_ORDER.map((w) => (
                <span key={`h${w}`} className="catalog-month-head">
                  {t(WEEKDAYS_SHORT[w])}
                </span>
              ))}
              {Array.from({ length: list.length ? (list[0].weekday + 6) % 7 : 0 }, (_, i) => (
                <span key={`p${i}`} />
              ))}
              {list.map((d) => {
                const c = dayClass(d);
                const cell = (
                  <span className="catalog-day" data-class={c} data-date={d.date} style={{ background: DAY_COLORS[c] }}>
                    {Number(d.date.slice(8))}
                  </span>
                );
                return d.name ? (
                  <Tooltip key={d.date} title={`${localDateVN(d.date)} · ${d.name}`}>
                    {cell}
                  </Tooltip>
                ) : (
                  <span key={d.date}>{cell}</span>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
