import { Alert, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { FormInstance } from 'antd';
import {
  TICKET_KINDS,
  TICKET_PRIORITIES,
  type CalendarView,
  type FeedbackCategoryView,
  type SlaPolicyView,
} from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { KIND_LABELS, PRIORITY_LABELS } from '../catalog/labels';
import { BusinessMinutesInline } from './BusinessMinutes';
import { ESCALATIONS, ESCALATION_LABELS, initialValues, savePolicy, type Values } from './sla-policy-values';

const FIELDS = [
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
];

interface Props {
  open: boolean;
  editing: SlaPolicyView | null;
  calendars: CalendarView[];
  categories: FeedbackCategoryView[];
  defaultCalendarId: string | undefined;
  dayMinutesOf: (calendarId: string | undefined) => number;
  onClose: () => void;
}

/** A policy: its name, its scope (kind, category, priority, calendar; fixed once created), its times and behaviour. */
export function SlaPolicyFormModal({ open, editing, onClose, ...lookups }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const calendarValue = Form.useWatch('calendar', form);
  const dayMinutes = lookups.dayMinutesOf(editing ? editing.calendarId : calendarValue);
  const submit = async (v: Values) => {
    await savePolicy(editing, v);
    return t('catalog.savedDone');
  };
  return (
    <CatalogFormModal<Values>
      open={open}
      title={editing ? t('catalog.sla.editTitle', { name: editing.name }) : t('catalog.sla.create')}
      okText={t('common.save')}
      form={form}
      initialValues={initialValues(editing, lookups.defaultCalendarId)}
      fields={FIELDS}
      onSubmit={submit}
      onClose={onClose}
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
      <ScopeFields fixed={editing !== null} calendars={lookups.calendars} categories={lookups.categories} />
      <Space wrap size="middle" align="start">
        <MinutesItem
          form={form}
          name="firstResponseMinutes"
          label="catalog.sla.firstResponse"
          dayMinutes={dayMinutes}
          required
        />
        <MinutesItem
          form={form}
          name="resolutionMinutes"
          label="catalog.sla.resolution"
          dayMinutes={dayMinutes}
          required
        />
        <MinutesItem form={form} name="forwardMinutes" label="catalog.sla.forward" dayMinutes={dayMinutes} />
      </Space>
      <BehaviourFields />
    </CatalogFormModal>
  );
}

/** Which tickets the policy applies to, and the calendar its business minutes are counted on. */
function ScopeFields({
  fixed,
  calendars,
  categories,
}: {
  fixed: boolean;
  calendars: CalendarView[];
  categories: FeedbackCategoryView[];
}) {
  const { t } = useI18n();
  return (
    <Space wrap size="middle" align="start">
      <Form.Item name="kind" label={t('catalog.sla.kind')}>
        <Select
          allowClear
          disabled={fixed}
          placeholder={t('catalog.sla.anyKind')}
          style={{ width: 200 }}
          options={TICKET_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
        />
      </Form.Item>
      <Form.Item name="categoryId" label={t('catalog.sla.category')}>
        <Select
          allowClear
          disabled={fixed}
          placeholder={t('catalog.sla.anyCategory')}
          style={{ width: 200 }}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="priority" label={t('catalog.sla.priority')}>
        <Select
          allowClear
          disabled={fixed}
          placeholder={t('catalog.sla.anyPriority')}
          style={{ width: 160 }}
          options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(PRIORITY_LABELS[p]) }))}
        />
      </Form.Item>
      <Form.Item name="calendar" label={t('catalog.sla.calendar')}>
        <Select
          disabled={fixed}
          style={{ width: 620, maxWidth: '100%' }}
          options={calendars.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
    </Space>
  );
}

/** A time limit in business minutes, with what it comes to in hours and working days on the policy's calendar. */
function MinutesItem({
  form,
  name,
  label,
  dayMinutes,
  required = false,
}: {
  form: FormInstance<Values>;
  name: 'firstResponseMinutes' | 'resolutionMinutes' | 'forwardMinutes';
  label: MessageKey;
  dayMinutes: number;
  required?: boolean;
}) {
  const { t } = useI18n();
  const value = Form.useWatch(name, form);
  return (
    <Form.Item
      name={name}
      label={t(label)}
      rules={required ? [{ required: true, message: t('form.required') }] : []}
      extra={value ? <BusinessMinutesInline minutes={value} dayMinutes={dayMinutes} /> : undefined}
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
}

/** When to warn, what a breach does, whether a forward pauses the clock, active. */
function BehaviourFields() {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}
