import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CalendarView, FeedbackCategoryView, SlaPolicyView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { activeColumn, editColumn } from '../catalog/columns';
import { KIND_LABELS, PRIORITY_LABELS } from '../catalog/labels';
import { BusinessMinutes } from './BusinessMinutes';
import { ESCALATION_LABELS, KEY } from './sla-policy-values';

interface ColumnsInput {
  calendarById: Map<string, CalendarView>;
  categoryById: Map<string, FeedbackCategoryView>;
  dayMinutesOf: (calendarId: string | undefined) => number;
  onEdit: (row: SlaPolicyView) => void;
}

export function useSlaPolicyColumns({
  calendarById,
  categoryById,
  dayMinutesOf,
  onEdit,
}: ColumnsInput): TableColumnsType<SlaPolicyView> {
  const { t } = useI18n();
  const minutes = (m: number | null, p: SlaPolicyView) => (
    <BusinessMinutes minutes={m} dayMinutes={dayMinutesOf(p.calendarId)} />
  );
  return [
    {
      title: t('catalog.sla.nameScope'),
      key: 'name',
      width: 340,
      render: (_, p) => (
        <Space orientation="vertical" size={4}>
          <strong>{p.name}</strong>
          <Space size={[4, 4]} wrap>
            {p.kind ? <Tag color="blue">{t(KIND_LABELS[p.kind])}</Tag> : <Tag>{t('catalog.sla.anyKind')}</Tag>}
            {p.categoryId && <Tag color="gold">{categoryById.get(p.categoryId)?.name ?? p.categoryId}</Tag>}
            {p.priority ? <Tag color="purple">{t(PRIORITY_LABELS[p.priority])}</Tag> : null}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {calendarById.get(p.calendarId)?.name ?? p.calendarId}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('catalog.sla.firstResponse'), dataIndex: 'firstResponseMinutes', key: 'first', render: minutes },
    { title: t('catalog.sla.resolution'), dataIndex: 'resolutionMinutes', key: 'resolution', render: minutes },
    { title: t('catalog.sla.forward'), dataIndex: 'forwardMinutes', key: 'forward', render: minutes },
    {
      title: t('catalog.sla.warnPercent'),
      dataIndex: 'warnPercent',
      key: 'warn',
      align: 'right',
      render: (v: number) => `${v}%`,
    },
    {
      title: t('catalog.sla.behaviour'),
      key: 'behaviour',
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <span>{t(ESCALATION_LABELS[p.escalation])}</span>
          {p.pauseWhenForwarded && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.sla.pausesWhenForwarded')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    activeColumn<SlaPolicyView>(t, '/sla/policies', KEY, 160),
    editColumn(t, onEdit, { fixed: 'right' }),
  ];
}
