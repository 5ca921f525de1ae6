import { useEffect, useMemo, useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space } from 'antd';
import type { CalendarDayView, CalendarExceptionView, CalendarView, Page } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { useResource } from '../../../lib/resource';
import { todayVN } from '../catalog/dates';
import { CALENDARS_KEY } from '../catalog/labels';
import { CalendarOverview } from './CalendarOverview';
import { CalendarTables } from './calendar-tables';
import { ExceptionFormModal } from './ExceptionFormModal';
import { YearGrid } from './YearGrid';
import '../catalog/catalog.css';

export default function CalendarsPage() {
  const { t } = useI18n();
  const calendars = useResource<CalendarView[]>(
    CALENDARS_KEY,
    async () => (await api.get<Page<CalendarView>>('/sla/calendars')).items,
  );
  const [calendarId, setCalendarId] = useState<string | undefined>();
  const thisYear = Number(todayVN().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!calendarId && calendars.data?.length)
      setCalendarId((calendars.data.find((c) => c.isDefault) ?? calendars.data[0]).id);
  }, [calendarId, calendars.data]);

  const calendar = calendars.data?.find((c) => c.id === calendarId);
  const { days, exceptions } = useCalendarYear(calendarId, year);
  const holidays = useMemo(() => (days.data ?? []).filter((d) => d.source === 'holiday'), [days.data]);
  const workingDays = (days.data ?? []).filter((d) => d.working).length;
  const error = [calendars.error, days.error, exceptions.error].find((e) => e !== undefined);

  return (
    <>
      <CalendarsHeader canAdd={!!calendarId} onAdd={() => setOpen(true)} />
      <Space wrap style={{ marginBottom: 16 }}>
        <CalendarPicker calendars={calendars} calendarId={calendarId} setCalendarId={setCalendarId} />
        <YearPicker year={year} setYear={setYear} thisYear={thisYear} />
        <Button icon={<ReloadOutlined />} onClick={() => (days.reload(), exceptions.reload())}>
          {t('common.reload')}
        </Button>
      </Space>
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 16 }} />
      )}
      {calendar && (
        <CalendarOverview
          calendar={calendar}
          year={year}
          workingDays={days.data ? workingDays : null}
          holidays={days.data ? holidays.length : null}
          exceptions={exceptions.data ? exceptions.data.length : null}
        />
      )}
      <Card
        size="small"
        title={t('catalog.cal.yearView', { year })}
        style={{ marginBottom: 16 }}
        loading={days.loading && !days.data}
      >
        <YearGrid days={days.data ?? []} />
      </Card>
      <CalendarTables calendarId={calendarId} year={year} holidays={holidays} days={days} exceptions={exceptions} />
      <ExceptionFormModal
        open={open}
        calendarId={calendarId}
        calendarName={calendar?.name ?? ''}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** What each day of the year resolves to, and the year's dated exceptions, for one calendar. */
function useCalendarYear(calendarId: string | undefined, year: number) {
  const daysKey = calendarId ? `${CALENDARS_KEY}/${calendarId}/days/${year}` : null;
  const exceptionsKey = calendarId ? `${CALENDARS_KEY}/${calendarId}/exceptions/${year}` : null;
  const days = useResource<CalendarDayView[]>(daysKey, () =>
    api.get<CalendarDayView[]>(`/sla/calendars/${calendarId}/days`, {
      query: { from: `${year}-01-01`, to: `${year}-12-31` },
    }),
  );
  const exceptions = useResource<CalendarExceptionView[]>(
    exceptionsKey,
    async () =>
      (
        await api.get<Page<CalendarExceptionView>>(`/sla/calendars/${calendarId}/exceptions`, {
          query: { year: String(year) },
        })
      ).items,
  );
  return { days, exceptions };
}

function CalendarPicker({
  calendars,
  calendarId,
  setCalendarId,
}: {
  calendars: { data?: CalendarView[]; loading: boolean };
  calendarId: string | undefined;
  setCalendarId: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Select<string>
      style={{ width: 420, maxWidth: '100%' }}
      value={calendarId}
      onChange={setCalendarId}
      loading={calendars.loading && !calendars.data}
      options={(calendars.data ?? []).map((c) => ({
        value: c.id,
        label: c.isDefault ? `${c.name} (${t('catalog.cal.default')})` : c.name,
      }))}
      aria-label={t('catalog.cal.calendar')}
      data-testid="calendar-select"
    />
  );
}

function YearPicker({ year, setYear, thisYear }: { year: number; setYear: (y: number) => void; thisYear: number }) {
  const { t } = useI18n();
  return (
    <Select<number>
      style={{ width: 120 }}
      value={year}
      onChange={setYear}
      options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, label: String(y) }))}
      aria-label={t('catalog.cal.year')}
      data-testid="year-select"
    />
  );
}

function CalendarsHeader({ canAdd, onAdd }: { canAdd: boolean; onAdd: () => void }) {
  const { t } = useI18n();
  return (
    <PageHeader
      title={t('catalog.nav.calendars')}
      subtitle={t('catalog.cal.subtitle')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!canAdd}
          onClick={onAdd}
          data-testid="exception-create"
        >
          {t('catalog.cal.addException')}
        </Button>
      }
    />
  );
}
