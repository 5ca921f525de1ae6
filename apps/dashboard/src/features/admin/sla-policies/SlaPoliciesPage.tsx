import { useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table } from 'antd';
import type { CalendarView, FeedbackCategoryView, Page, SlaPolicyView } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { useResource } from '../../../lib/resource';
import { CALENDARS_KEY, FEEDBACK_CATEGORIES_KEY } from '../catalog/labels';
import { useSlaPolicyColumns } from './sla-policy-columns';
import { calendarLookup, KEY } from './sla-policy-values';
import { SlaPolicyFormModal } from './SlaPolicyFormModal';

export default function SlaPoliciesPage() {
  const { t } = useI18n();
  const policies = useResource<SlaPolicyView[]>(
    KEY,
    async () => (await api.get<Page<SlaPolicyView>>('/sla/policies')).items,
  );
  const calendars = useResource<CalendarView[]>(
    CALENDARS_KEY,
    async () => (await api.get<Page<CalendarView>>('/sla/calendars')).items,
  );
  const categories = useResource<FeedbackCategoryView[]>(
    FEEDBACK_CATEGORIES_KEY,
    async () => (await api.get<Page<FeedbackCategoryView>>('/feedback/categories')).items,
  );
  const [editing, setEditing] = useState<SlaPolicyView | null>(null);
  const [open, setOpen] = useState(false);

  const { calendarById, defaultCalendar, dayMinutesOf } = calendarLookup(calendars.data);
  const categoryById = new Map((categories.data ?? []).map((c) => [c.id, c]));
  const columns = useSlaPolicyColumns({
    calendarById,
    categoryById,
    dayMinutesOf,
    onEdit: (row) => (setEditing(row), setOpen(true)),
  });

  return (
    <>
      <PoliciesHeader onCreate={() => (setEditing(null), setOpen(true))} onReload={policies.reload} />
      {policies.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, policies.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="sla-table">
        <Table<SlaPolicyView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={policies.data ?? []}
          loading={policies.loading && !policies.data}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 1280 }}
        />
      </div>
      <SlaPolicyFormModal
        open={open}
        editing={editing}
        calendars={calendars.data ?? []}
        categories={categories.data ?? []}
        defaultCalendarId={defaultCalendar?.id}
        dayMinutesOf={dayMinutesOf}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function PoliciesHeader({ onCreate, onReload }: { onCreate: () => void; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('catalog.nav.slaPolicies')}
        subtitle={t('catalog.sla.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="sla-create">
            {t('catalog.sla.create')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('catalog.sla.help')} style={{ marginBottom: 16 }} />
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<ReloadOutlined />} onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Space>
    </>
  );
}
