import { Card, Col, Descriptions, Row, Space, Statistic, Typography } from 'antd';
import type { CalendarView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatPeriods } from '../catalog/business-time';
import { WEEK_ORDER, WEEKDAYS } from './calendar-days';

/** The calendar's weekly hours, and the year in numbers (null while not loaded: shown as —). */
export function CalendarOverview({
  calendar,
  year,
  workingDays,
  holidays,
  exceptions,
}: {
  calendar: CalendarView;
  year: number;
  workingDays: number | null;
  holidays: number | null;
  exceptions: number | null;
}) {
  const { t } = useI18n();
  return (
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
            <Statistic title={t('catalog.cal.workingDays')} value={workingDays ?? '—'} />
            <Statistic title={t('catalog.cal.holidays')} value={holidays ?? '—'} />
            <Statistic title={t('catalog.cal.exceptions')} value={exceptions ?? '—'} />
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
