import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CalendarDayView, CalendarExceptionKindDto, CalendarExceptionView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { invalidate, type Resource } from '../../../lib/resource';
import { formatPeriods } from '../catalog/business-time';
import { localDateVN } from '../catalog/dates';
import { CALENDARS_KEY } from '../catalog/labels';
import { weekdayOf, WEEKDAYS } from './calendar-days';

/** The year's computed holidays, and its dated exceptions (each removable). */
export function CalendarTables({
  calendarId,
  year,
  holidays,
  days,
  exceptions,
}: {
  calendarId: string | undefined;
  year: number;
  holidays: CalendarDayView[];
  days: Resource<CalendarDayView[]>;
  exceptions: Resource<CalendarExceptionView[]>;
}) {
  const { t } = useI18n();
  const holidayColumns = useHolidayColumns();
  const exceptionColumns = useExceptionColumns(useRemoveException(calendarId));
  return (
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
  );
}

function useRemoveException(calendarId: string | undefined) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return async (e: CalendarExceptionView) => {
    try {
      await api.request<void>('DELETE', `/sla/calendars/${calendarId}/exceptions/${e.id}`);
      void message.success(t('catalog.cal.removed', { date: localDateVN(e.date) }));
      invalidate(`${CALENDARS_KEY}/${calendarId}`);
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };
}

function useHolidayColumns(): TableColumnsType<CalendarDayView> {
  const { t } = useI18n();
  return [
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
}

function useExceptionColumns(
  remove: (e: CalendarExceptionView) => Promise<void>,
): TableColumnsType<CalendarExceptionView> {
  const { t } = useI18n();
  return [
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
}
