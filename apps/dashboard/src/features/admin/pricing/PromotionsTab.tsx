import { useState } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  LEG_KINDS,
  SERVICE_LEVELS,
  type LegKind,
  type Page,
  type PromotionView,
  type ServiceLevel,
} from '@hotline/contracts';
import { useI18n, type MessageKey, type Translate } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { localDateVN, todayVN, windowState } from '../catalog/dates';
import { PRICING_KEYS, PricingToolbar, SERVICE_LEVEL_LABELS } from './pricing-shared';

interface PromotionValues {
  name: string;
  window: [Dayjs, Dayjs];
  percent: number;
  legKinds: LegKind[];
  serviceLevels: ServiceLevel[];
  fields: string[];
  active: boolean;
}

const WINDOW_TAG: Record<'upcoming' | 'running' | 'ended', { color: string; key: MessageKey }> = {
  upcoming: { color: 'blue', key: 'catalog.promo.upcoming' },
  running: { color: 'green', key: 'catalog.promo.running' },
  ended: { color: 'default', key: 'catalog.promo.ended' },
};

/** Service levels OR fields; none = everyone. */
function Conditions({ p }: { p: PromotionView }) {
  const { t } = useI18n();
  if (!p.serviceLevels.length && !p.fields.length)
    return <Typography.Text type="secondary">{t('catalog.promo.noCondition')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
      {p.serviceLevels.map((l) => (
        <Tag key={l} color="cyan">
          {t(SERVICE_LEVEL_LABELS[l])}
        </Tag>
      ))}
      {p.fields.map((f) => (
        <Tag key={f} color="gold">
          {f}
        </Tag>
      ))}
    </Space>
  );
}

function promotionColumns(t: Translate, today: string, onEdit: (row: PromotionView) => void) {
  const columns: TableColumnsType<PromotionView> = [
    { title: t('catalog.promo.name'), dataIndex: 'name', key: 'name', render: (v: string) => <strong>{v}</strong> },
    {
      title: t('catalog.promo.window'),
      key: 'window',
      render: (_, p) => {
        const s = WINDOW_TAG[windowState(p.startsOn, p.endsOn, today)];
        return (
          <Space orientation="vertical" size={0}>
            <span>{t('catalog.promo.windowValue', { from: localDateVN(p.startsOn), to: localDateVN(p.endsOn) })}</span>
            <Tag color={s.color}>{t(s.key)}</Tag>
          </Space>
        );
      },
    },
    {
      title: t('catalog.promo.percent'),
      dataIndex: 'percent',
      key: 'percent',
      align: 'right',
      render: (v: number) => <strong>{`${v}%`}</strong>,
    },
    {
      title: t('catalog.promo.legKinds'),
      dataIndex: 'legKinds',
      key: 'legKinds',
      render: (ks: LegKind[]) => ks.map((k) => <Tag key={k}>{t(`disp.kind.${k}`)}</Tag>),
    },
    { title: t('catalog.promo.conditions'), key: 'conditions', render: (_, p) => <Conditions p={p} /> },
    activeColumn<PromotionView>(t, '/bcci-promotions', PRICING_KEYS.promotions),
    editColumn(t, onEdit),
  ];
  return columns;
}

/** Name, local-date window (Vietnam), percentage, legs, conditions, active. */
function PromotionFields() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('form.required') }];
  const nameRules = [
    { required: true, whitespace: true, message: t('form.required') },
    { min: 2, max: 150, message: t('form.length', { min: 2, max: 150 }) },
  ];
  return (
    <>
      <Form.Item name="name" label={t('catalog.promo.name')} rules={nameRules}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="window" label={t('catalog.promo.window')} extra={t('catalog.promo.windowHint')} rules={required}>
        <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[false, false]} style={{ width: 300 }} />
      </Form.Item>
      <Form.Item name="percent" label={t('catalog.promo.percent')} rules={required}>
        <InputNumber<number> min={1} max={100} precision={0} suffix="%" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="legKinds"
        label={t('catalog.promo.legKinds')}
        rules={[{ required: true, type: 'array', min: 1, message: t('catalog.promo.legKindsRequired') }]}
      >
        <Checkbox.Group options={LEG_KINDS.map((k) => ({ value: k, label: t(`disp.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="serviceLevels" label={t('catalog.promo.serviceLevels')}>
        <Select
          mode="multiple"
          allowClear
          options={SERVICE_LEVELS.map((l) => ({ value: l, label: t(SERVICE_LEVEL_LABELS[l]) }))}
        />
      </Form.Item>
      <Form.Item name="fields" label={t('catalog.promo.fields')} extra={t('catalog.promo.conditionsHint')}>
        <Select
          mode="tags"
          tokenSeparators={[';']}
          open={false}
          suffixIcon={null}
          placeholder={t('catalog.promo.fieldsPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
        <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
      </Form.Item>
    </>
  );
}

async function savePromotion(editing: PromotionView | null, v: PromotionValues): Promise<void> {
  const body = {
    name: v.name.trim(),
    startsOn: v.window[0].format('YYYY-MM-DD'),
    endsOn: v.window[1].format('YYYY-MM-DD'),
    percent: v.percent,
    legKinds: v.legKinds,
    serviceLevels: v.serviceLevels ?? [],
    fields: (v.fields ?? []).map((f) => f.trim()).filter(Boolean),
    active: v.active,
  };
  if (editing) await api.patch<PromotionView>(`/bcci-promotions/${editing.id}`, body);
  else await api.post<PromotionView>('/bcci-promotions', body);
  invalidate(PRICING_KEYS.promotions);
}

const initialValues = (editing: PromotionView | null): Partial<PromotionValues> =>
  editing
    ? { ...editing, window: [dayjs(editing.startsOn, 'YYYY-MM-DD'), dayjs(editing.endsOn, 'YYYY-MM-DD')] }
    : { legKinds: ['return'], serviceLevels: [], fields: [], active: true, percent: 30 };

export function PromotionsTab() {
  const { t } = useI18n();
  const promotions = useResource<PromotionView[]>(
    PRICING_KEYS.promotions,
    async () => (await api.get<Page<PromotionView>>('/bcci-promotions')).items,
  );
  const [editing, setEditing] = useState<PromotionView | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PromotionValues>();
  const edit = (row: PromotionView | null) => (setEditing(row), setOpen(true));
  return (
    <>
      <PricingToolbar
        createLabel={t('catalog.promo.create')}
        createTestId="promo-create"
        help={t('catalog.promo.help')}
        error={promotions.error}
        onCreate={() => edit(null)}
        onReload={promotions.reload}
      />
      <div data-testid="promotions-table">
        <Table<PromotionView>
          rowKey="id"
          size="middle"
          columns={promotionColumns(t, todayVN(), edit)}
          dataSource={promotions.data ?? []}
          loading={promotions.loading && !promotions.data}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <CatalogFormModal<PromotionValues>
        open={open}
        title={editing ? t('catalog.promo.editTitle', { name: editing.name }) : t('catalog.promo.create')}
        okText={t('common.save')}
        form={form}
        initialValues={initialValues(editing)}
        fields={['name', 'window', 'percent', 'legKinds', 'serviceLevels', 'fields']}
        aliases={{ startsOn: 'window', endsOn: 'window' }}
        onSubmit={async (v) => (await savePromotion(editing, v), t('catalog.savedDone'))}
        onClose={() => setOpen(false)}
        testId="promo-form"
        width={640}
      >
        <PromotionFields />
      </CatalogFormModal>
    </>
  );
}
