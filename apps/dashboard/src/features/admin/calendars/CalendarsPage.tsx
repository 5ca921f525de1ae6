import { useEffect, useMemo, useState } from 'react';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type {
  CalendarDayView,
  CalendarExceptionKindDto,
  CalendarExceptionView,
  CalendarView,
} from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { invalidate, useResource } from '../../../lib/resource';
import { formatPeriods, parsePeriods } from '../catalog/business-time';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { localDateVN, todayVN } from '../catalog/dates';
import { CALENDARS_KEY } from '../catalog/labels';
import '../catalog/catalog.css';

const WEEKDAYS: MessageKey[] = [
  'catalog.cal.wd0',
  'catalog.cal.wd1',
  'catalog.cal.wd2',
  'catalog.cal.wd3',
  'catalog.cal.wd4',
  'catalog.cal.wd5',
  'catalog.cal.wd6',
];
const WEEKDAYS_SHORT: MessageKey[] = [
  'catalog.cal.wds0',
  'catalog.cal.wds1',
  'catalog.cal.wds2',
  'catalog.cal.wds3',
  'catalog.cal.wds4',
  'catalog.cal.wds5',
  'catalog.cal.wds6',
];
/** Monday first, as a Vietnamese week is written (Thứ Hai ... Chủ nhật). */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const weekdayOf = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

type DayClass = 'work' | 'rest' | 'holiday' | 'off' | 'makeup';
const DAY_COLORS: Record<DayClass, string> = {
  work: '#ffffff',
  rest: '#e8ebf0',
  holiday: '#ff7875',
  off: '#ffc069',
  makeup: '#95de64',
};
const DAY_LEGEND: Record<DayClass, MessageKey> = {
  work: 'catalog.cal.legend.work',
  rest: 'catalog.cal.legend.rest',
  holiday: 'catalog.cal.legend.holiday',
  off: 'catalog.cal.legend.off',
  makeup: 'catalog.cal.legend.makeup',
};

function dayClass(d: CalendarDayView): DayClass {
  if (d.source === 'exception') return d.working ? 'makeup' : 'off';
  if (d.source === 'holiday') return 'holiday';
  return d.working ? 'work' : 'rest';
}

interface ExceptionValues {
  date: Dayjs;
  kind: CalendarExceptionKindDto;
  name?: string;
  periods?: string;
}

export default function CalendarsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const calendars = useResource<CalendarView[]>(CALENDARS_KEY, () => api.get<CalendarView[]>('/sla/calendars'));
  const [calendarId, setCalendarId] = useState<string | undefined>();
  const thisYear = Number(todayVN().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ExceptionValues>();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!calendarId && calendars.data?.length)
      setCalendarId((calendars.data.find((c) => c.isDefault) ?? calendars.data[0]).id);
  }, [calendarId, calendars.data]);

  const calendar = calendars.data?.find((c) => c.id === calendarId);
  const daysKey = calendarId ? `${CALENDARS_KEY}/${calendarId}/days/${year}` : null;
  const exceptionsKey = calendarId ? `${CALENDARS_KEY}/${calendarId}/exceptions/${year}` : null;
  const days = useResource<CalendarDayView[]>(daysKey, () =>
    api.get<CalendarDayView[]>(`/sla/calendars/${calendarId}/days`, {
      query: { from: `${year}-01-01`, to: `${year}-12-31` },
    }),
  );
  const exceptions = useResource<CalendarExceptionView[]>(exceptionsKey, () =>
    api.get<CalendarExceptionView[]>(`/sla/calendars/${calendarId}/exceptions`, { query: { year: String(year) } }),
  );

  const holidays = useMemo(() => (days.data ?? []).filter((d) => d.source === 'holiday'), [days.data]);
  const workingDays = (days.data ?? []).filter((d) => d.working).length;

  const remove = async (e: CalendarExceptionView) => {
    try {
      await api.request<void>('DELETE', `/sla/calendars/${calendarId}/exceptions/${e.id}`);
      void message.success(t('catalog.cal.removed', { date: localDateVN(e.date) }));
      invalidate(`${CALENDARS_KEY}/${calendarId}`);
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  const submit = async (v: ExceptionValues) => {
    const periods = v.kind === 'working_day' && v.periods?.trim() ? parsePeriods(v.periods) : null;
    const body = {
      date: v.date.format('YYYY-MM-DD'),
      kind: v.kind,
      ...(v.name?.trim() ? { name: v.name.trim() } : {}),
      ...(periods && periods.length ? { periods } : {}),
    };
    await api.post<CalendarExceptionView>(`/sla/calendars/${calendarId}/exceptions`, body);
    invalidate(`${CALENDARS_KEY}/${calendarId}`);
    return t('catalog.cal.added', { date: localDateVN(body.date) });
  };

  const holidayColumns: TableColumnsType<CalendarDayView> = [
    { title: t('catalog.cal.date'), dataIndex: 'date', key: 'date', width: 120, render: (d: string) => localDateVN(d) },
    {
      title: t('catalog.cal.weekday'),
      dataIndex: 'weekday',
      key: 'weekday',
      width: 110,
      render: (w: number) => t(WEEKDAYS[w]),
    },
    { title: t('catalog.cal.holidayName'), dataIndex: 'name', key: 'name', render: (n?: string) => n ?? '—' },
  ];

  const exceptionColumns: TableColumnsType<CalendarExceptionView> = [
    { title: t('catalog.cal.date'), dataIndex: 'date', key: 'date', width: 120, render: (d: string) => localDateVN(d) },
    { title: t('catalog.cal.weekday'), key: 'weekday', width: 110, render: (_, e) => t(WEEKDAYS[weekdayOf(e.date)]) },
    {
      title: t('catalog.cal.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: CalendarExceptionKindDto, e) => (
        <Space orientation="vertical" size={0}>
          <Tag color={k === 'day_off' ? 'orange' : 'green'}>
            {t(k === 'day_off' ? 'catalog.cal.dayOff' : 'catalog.cal.workingDay')}
          </Tag>
          {k === 'working_day' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.periods?.length ? formatPeriods(e.periods) : t('catalog.cal.defaultHours')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('catalog.cal.exceptionName'), dataIndex: 'name', key: 'name', render: (n: string | null) => n ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, e) => (
        <Popconfirm
          title={t('catalog.cal.removeConfirm', { date: localDateVN(e.date) })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(e)}
        >
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.nav.calendars')}
        subtitle={t('catalog.cal.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!calendarId}
            onClick={() => setOpen(true)}
            data-testid="exception-create"
          >
            {t('catalog.cal.addException')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
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
        <Select<number>
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, label: String(y) }))}
          aria-label={t('catalog.cal.year')}
          data-testid="year-select"
        />
        <Button icon={<ReloadOutlined />} onClick={() => (days.reload(), exceptions.reload())}>
          {t('common.reload')}
        </Button>
      </Space>
      {[calendars.error, days.error, exceptions.error]
        .filter((e) => e !== undefined)
        .slice(0, 1)
        .map((e, i) => (
          <Alert key={i} type="error" showIcon title={describeError(t, e)} style={{ marginBottom: 16 }} />
        ))}
      {calendar && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('catalog.cal.weekly')}>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false}>
                {WEEK_ORDER.map((w) => (
                  <Descriptions.Item key={w} label={<strong>{t(WEEKDAYS[w])}</strong>}>
                    {calendar.weekly[w]?.length ? (
                      formatPeriods(calendar.weekly[w])
                    ) : (
                      <Typography.Text type="secondary">{t('catalog.cal.closed')}</Typography.Text>
                    )}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('catalog.cal.timeZone', { tz: calendar.timeZone })}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('catalog.cal.yearSummary', { year })}>
              <Space size="large" wrap>
                <Statistic title={t('catalog.cal.workingDays')} value={days.data ? workingDays : '—'} />
                <Statistic title={t('catalog.cal.holidays')} value={days.data ? holidays.length : '—'} />
                <Statistic title={t('catalog.cal.exceptions')} value={exceptions.data ? exceptions.data.length : '—'} />
              </Space>
            </Card>
          </Col>
        </Row>
      )}
      <Card
        size="small"
        title={t('catalog.cal.yearView', { year })}
        style={{ marginBottom: 16 }}
        loading={days.loading && !days.data}
      >
        <YearGrid days={days.data ?? []} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('catalog.cal.holidaysTitle', { year })}
            extra={<Typography.Text type="secondary">{t('catalog.cal.holidaysHint')}</Typography.Text>}
          >
            <div data-testid="holidays-table">
              <Table<CalendarDayView>
                rowKey="date"
                size="small"
                columns={holidayColumns}
                dataSource={holidays}
                loading={days.loading && !days.data}
                pagination={false}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('catalog.cal.exceptionsTitle', { year })}>
            <div data-testid="exceptions-table">
              <Table<CalendarExceptionView>
                rowKey="id"
                size="small"
                columns={exceptionColumns}
                dataSource={exceptions.data ?? []}
                loading={exceptions.loading && !exceptions.data}
                pagination={false}
              />
            </div>
          </Card>
        </Col>
      </Row>
      <CatalogFormModal<ExceptionValues>
        open={open}
        title={t('catalog.cal.addExceptionTo', { name: calendar?.name ?? '' })}
        okText={t('catalog.cal.addException')}
        form={form}
        initialValues={{ kind: 'day_off' }}
        fields={['date', 'kind', 'name', 'periods']}
        conflictField="date"
        conflictText={t('catalog.cal.dateTaken')}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        testId="exception-form"
      >
        <Form.Item name="date" label={t('catalog.cal.date')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('catalog.cal.kind')} rules={[{ required: true, message: t('form.required') }]}>
          <Radio.Group
            options={[
              { value: 'day_off', label: t('catalog.cal.dayOff') },
              { value: 'working_day', label: t('catalog.cal.workingDay') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('catalog.cal.exceptionName')}
          rules={[{ max: 150, message: t('form.length', { min: 1, max: 150 }) }]}
        >
          <Input placeholder={t('catalog.cal.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        {kind === 'working_day' && (
          <Form.Item
            name="periods"
            label={t('catalog.cal.periods')}
            extra={t('catalog.cal.periodsHint')}
            rules={[
              {
                validator: async (_, v?: string) =>
                  !v?.trim() || parsePeriods(v)
                    ? undefined
                    : Promise.reject(new Error(t('catalog.cal.periodsInvalid'))),
              },
            ]}
          >
            <Input placeholder="07:00-11:30, 13:30-17:00" autoComplete="off" />
          </Form.Item>
        )}
      </CatalogFormModal>
    </>
  );
}

/** Twelve small months; each day coloured by what it resolves to (weekly hours, holiday, dated exception). */
function YearGrid({ days }: { days: CalendarDayView[] }) {
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
