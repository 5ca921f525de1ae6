import { Space, Typography } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import { formatDecimal, splitBusinessMinutes } from '../catalog/business-time';

/** "240 phút · 4 giờ · 0,5 ngày làm việc": business minutes as the admin thinks of them, on the policy's calendar. */
export function BusinessMinutes({ minutes, dayMinutes }: { minutes: number | null | undefined; dayMinutes: number }) {
  const { t, lang } = useI18n();
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes))
    return <Typography.Text type="secondary">—</Typography.Text>;
  const { hours, days } = splitBusinessMinutes(minutes, dayMinutes);
  return (
    <Space orientation="vertical" size={0}>
      <span>{t('catalog.sla.hours', { h: formatDecimal(hours, lang) })}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {days === null
          ? t('catalog.sla.minutes', { n: formatDecimal(minutes, lang) })
          : t('catalog.sla.minutesDays', { n: formatDecimal(minutes, lang), d: formatDecimal(days, lang) })}
      </Typography.Text>
    </Space>
  );
}

export function BusinessMinutesInline({ minutes, dayMinutes }: { minutes: number; dayMinutes: number }) {
  const { t, lang } = useI18n();
  const { hours, days } = splitBusinessMinutes(minutes, dayMinutes);
  return (
    <span data-testid="business-minutes-hint">
      {days === null
        ? t('catalog.sla.hours', { h: formatDecimal(hours, lang) })
        : t('catalog.sla.hoursDays', { h: formatDecimal(hours, lang), d: formatDecimal(days, lang) })}
    </span>
  );
}
