import { useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  TICKET_KINDS,
  TICKET_PRIORITIES,
  type CalendarView,
  type EscalationRule,
  type FeedbackCategoryView,
  type SlaPolicyView,
  type TicketKind,
  type TicketPriority,
} from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { formatDecimal, splitBusinessMinutes, workingDayMinutes } from '../catalog/business-time';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { CALENDARS_KEY, FEEDBACK_CATEGORIES_KEY, KIND_LABELS, PRIORITY_LABELS } from '../catalog/labels';

const KEY = 'sla/policies';
const ESCALATIONS: EscalationRule[] = ['none', 'raise_priority', 'supervisor_queue'];
const ESCALATION_LABELS: Record<EscalationRule, MessageKey> = {
  none: 'catalog.sla.escalation.none',
  raise_priority: 'catalog.sla.escalation.raise_priority',
  supervisor_queue: 'catalog.sla.escalation.supervisor_queue',
};

interface Values {
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

export default function SlaPoliciesPage() {
  const { t } = useI18n();
  const policies = useResource<SlaPolicyView[]>(KEY, () => api.get<SlaPolicyView[]>('/sla/policies'));
  const calendars = useResource<CalendarView[]>(CALENDARS_KEY, () => api.get<CalendarView[]>('/sla/calendars'));
  const categories = useResource<FeedbackCategoryView[]>(FEEDBACK_CATEGORIES_KEY, () =>
    api.get<FeedbackCategoryView[]>('/feedback/categories'),
  );
  const [editing, setEditing] = useState<SlaPolicyView | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const calendarValue = Form.useWatch('calendar', form);
  const watched = {
    first: Form.useWatch('firstResponseMinutes', form),
    resolution: Form.useWatch('resolutionMinutes', form),
    forward: Form.useWatch('forwardMinutes', form),
  };

  const calendarById = new Map((calendars.data ?? []).map((c) => [c.id, c]));
  const categoryById = new Map((categories.data ?? []).map((c) => [c.id, c]));
  const defaultCalendar = (calendars.data ?? []).find((c) => c.isDefault);
  const dayMinutesOf = (id: string | undefined) => workingDayMinutes((id && calendarById.get(id)) || defaultCalendar);
  const formDayMinutes = dayMinutesOf(editing ? editing.calendarId : calendarValue);

  const columns: TableColumnsType<SlaPolicyView> = [
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
    {
      title: t('catalog.sla.firstResponse'),
      dataIndex: 'firstResponseMinutes',
      key: 'first',
      render: (m: number, p) => <BusinessMinutes minutes={m} dayMinutes={dayMinutesOf(p.calendarId)} />,
    },
    {
      title: t('catalog.sla.resolution'),
      dataIndex: 'resolutionMinutes',
      key: 'resolution',
      render: (m: number, p) => <BusinessMinutes minutes={m} dayMinutes={dayMinutesOf(p.calendarId)} />,
    },
    {
      title: t('catalog.sla.forward'),
      dataIndex: 'forwardMinutes',
      key: 'forward',
      render: (m: number | null, p) => <BusinessMinutes minutes={m} dayMinutes={dayMinutesOf(p.calendarId)} />,
    },
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
    editColumn(t, (row) => (setEditing(row), setOpen(true)), { fixed: 'right' }),
  ];

  const submit = async (v: Values) => {
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
    return t('catalog.savedDone');
  };

  const initial: Partial<Values> = editing
    ? { ...editing, calendar: editing.calendarId }
    : {
        calendar: defaultCalendar?.id,
        firstResponseMinutes: 240,
        resolutionMinutes: 2400,
        forwardMinutes: 2400,
        warnPercent: 75,
        pauseWhenForwarded: true,
        escalation: 'supervisor_queue',
        active: true,
      };

  const minutesItem = (
    name: 'firstResponseMinutes' | 'resolutionMinutes' | 'forwardMinutes',
    label: MessageKey,
    value: number | null | undefined,
    required: boolean,
  ) => (
    <Form.Item
      name={name}
      label={t(label)}
      rules={required ? [{ required: true, message: t('form.required') }] : []}
      extra={value ? <BusinessMinutesInline minutes={value} dayMinutes={formDayMinutes} /> : undefined}
    >
      <InputNumber<number>
        min={0.01}
        max={10_000_000}
        step={60}
        suffix={t('catalog.sla.minutesUnit')}
        style={{ width: 200 }}
      />
    </Form.Item>
  );

  return (
    <>
      <PageHeader
        title={t('catalog.nav.slaPolicies')}
        subtitle={t('catalog.sla.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => (setEditing(null), setOpen(true))}
            data-testid="sla-create"
          >
            {t('catalog.sla.create')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('catalog.sla.help')} style={{ marginBottom: 16 }} />
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<ReloadOutlined />} onClick={policies.reload}>
          {t('common.reload')}
        </Button>
      </Space>
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
      <CatalogFormModal<Values>
        open={open}
        title={editing ? t('catalog.sla.editTitle', { name: editing.name }) : t('catalog.sla.create')}
        okText={t('common.save')}
        form={form}
        initialValues={initial}
        fields={[
          'name',
          'kind',
          'categoryId',
          'priority',
          'calendar',
          'firstResponseMinutes',
          'resolutionMinutes',
          'forwardMinutes',
          'warnPercent',
          'escalation',
        ]}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        testId="sla-form"
        width={720}
      >
        <Form.Item
          name="name"
          label={t('catalog.sla.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 150, message: t('form.length', { min: 1, max: 150 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {editing && <Alert type="info" showIcon title={t('catalog.sla.scopeFixed')} style={{ marginBottom: 12 }} />}
        <Space wrap size="middle" align="start">
          <Form.Item name="kind" label={t('catalog.sla.kind')}>
            <Select
              allowClear
              disabled={editing !== null}
              placeholder={t('catalog.sla.anyKind')}
              style={{ width: 200 }}
              options={TICKET_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('catalog.sla.category')}>
            <Select
              allowClear
              disabled={editing !== null}
              placeholder={t('catalog.sla.anyCategory')}
              style={{ width: 200 }}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('catalog.sla.priority')}>
            <Select
              allowClear
              disabled={editing !== null}
              placeholder={t('catalog.sla.anyPriority')}
              style={{ width: 160 }}
              options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(PRIORITY_LABELS[p]) }))}
            />
          </Form.Item>
          <Form.Item name="calendar" label={t('catalog.sla.calendar')}>
            <Select
              disabled={editing !== null}
              style={{ width: 620, maxWidth: '100%' }}
              options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Space>
        <Space wrap size="middle" align="start">
          {minutesItem('firstResponseMinutes', 'catalog.sla.firstResponse', watched.first, true)}
          {minutesItem('resolutionMinutes', 'catalog.sla.resolution', watched.resolution, true)}
          {minutesItem('forwardMinutes', 'catalog.sla.forward', watched.forward, false)}
        </Space>
        <Space wrap size="large" align="start">
          <Form.Item
            name="warnPercent"
            label={t('catalog.sla.warnPercent')}
            extra={t('catalog.sla.warnHint')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber<number> min={1} max={99} precision={0} suffix="%" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="escalation" label={t('catalog.sla.escalation')}>
            <Select
              style={{ width: 260 }}
              options={ESCALATIONS.map((e) => ({ value: e, label: t(ESCALATION_LABELS[e]) }))}
            />
          </Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="pauseWhenForwarded" label={t('catalog.sla.pauseWhenForwarded')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
            <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
          </Form.Item>
        </Space>
      </CatalogFormModal>
    </>
  );
}

function BusinessMinutesInline({ minutes, dayMinutes }: { minutes: number; dayMinutes: number }) {
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
