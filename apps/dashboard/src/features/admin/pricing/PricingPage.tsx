import { useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  LEG_KINDS,
  ROUTE_TYPES,
  SERVICE_LEVELS,
  type LegKind,
  type PromotionView,
  type Page,
  type RouteType,
  type ServiceLevel,
  type TariffView,
} from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { localDateVN, todayVN, windowState } from '../catalog/dates';

const KEYS = { tariffs: 'bcci-tariffs', promotions: 'bcci-promotions' };

export const SERVICE_LEVEL_LABELS: Record<ServiceLevel, MessageKey> = {
  '2': 'catalog.level.2',
  '3': 'catalog.level.3',
  '4': 'catalog.level.4',
  toan_trinh: 'catalog.level.toan_trinh',
  mot_phan: 'catalog.level.mot_phan',
};

/** Money inputs: integer VND written 1.234.567 while typing. */
const vndFormatter = (v: string | number | undefined) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const vndParser = (v: string | undefined) => Number((v ?? '').replace(/\D/g, '')) as unknown as number;

export default function PricingPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('tariffs');
  return (
    <>
      <PageHeader title={t('catalog.nav.pricing')} subtitle={t('catalog.pricing.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'tariffs', label: t('catalog.tariff.tab'), children: <TariffsTab /> },
          { key: 'promotions', label: t('catalog.promo.tab'), children: <PromotionsTab /> },
        ]}
      />
    </>
  );
}

// ---- tariffs ------------------------------------------------------------------------------------------------------------------
interface TariffValues {
  legKind: LegKind;
  routeType: RouteType;
  priceVnd: number;
  dueWorkingDays: number;
  active: boolean;
}

function TariffsTab() {
  const { t } = useI18n();
  const tariffs = useResource<TariffView[]>(
    KEYS.tariffs,
    async () => (await api.get<Page<TariffView>>('/bcci-tariffs')).items,
  );
  const [editing, setEditing] = useState<TariffView | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TariffValues>();

  const columns: TableColumnsType<TariffView> = [
    {
      title: t('catalog.tariff.legKind'),
      dataIndex: 'legKind',
      key: 'legKind',
      render: (k: LegKind) => <Tag color={k === 'pickup' ? 'blue' : 'purple'}>{t(`disp.kind.${k}`)}</Tag>,
    },
    {
      title: t('catalog.tariff.routeType'),
      dataIndex: 'routeType',
      key: 'routeType',
      render: (r: RouteType) => t(`disp.route.${r}`),
    },
    {
      title: t('catalog.tariff.price'),
      dataIndex: 'priceVnd',
      key: 'priceVnd',
      align: 'right',
      render: (v: number) => <strong>{formatMoney(v)}</strong>,
    },
    {
      title: t('catalog.tariff.due'),
      dataIndex: 'dueWorkingDays',
      key: 'due',
      render: (n: number) => t('catalog.tariff.dueValue', { n }),
    },
    activeColumn<TariffView>(t, '/bcci-tariffs', KEYS.tariffs),
    {
      title: t('catalog.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (v: string) => formatDateTime(v),
    },
    editColumn(t, (row) => (setEditing(row), setOpen(true))),
  ];

  const submit = async (v: TariffValues) => {
    if (editing) {
      await api.patch<TariffView>(`/bcci-tariffs/${editing.id}`, {
        priceVnd: v.priceVnd,
        dueWorkingDays: v.dueWorkingDays,
        active: v.active,
      });
    } else {
      await api.post<TariffView>('/bcci-tariffs', v);
    }
    invalidate(KEYS.tariffs);
    return t('catalog.savedDone');
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => (setEditing(null), setOpen(true))}
          data-testid="tariff-create"
        >
          {t('catalog.tariff.create')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={tariffs.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      <Alert type="info" showIcon title={t('catalog.tariff.help')} style={{ marginBottom: 16 }} />
      {tariffs.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, tariffs.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="tariffs-table">
        <Table<TariffView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tariffs.data ?? []}
          loading={tariffs.loading && !tariffs.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <CatalogFormModal<TariffValues>
        open={open}
        title={
          editing
            ? t('catalog.tariff.editTitle', {
                kind: t(`disp.kind.${editing.legKind}`),
                route: t(`disp.route.${editing.routeType}`),
              })
            : t('catalog.tariff.create')
        }
        okText={t('common.save')}
        form={form}
        initialValues={editing ?? { legKind: 'pickup', routeType: 'intra_area', dueWorkingDays: 1, active: true }}
        fields={['legKind', 'routeType', 'priceVnd', 'dueWorkingDays']}
        conflictField="routeType"
        conflictText={t('catalog.tariff.exists')}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        testId="tariff-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="legKind"
              label={t('catalog.tariff.legKind')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select
                disabled={editing !== null}
                options={LEG_KINDS.map((k) => ({ value: k, label: t(`disp.kind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="routeType"
              label={t('catalog.tariff.routeType')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select
                disabled={editing !== null}
                options={ROUTE_TYPES.map((r) => ({ value: r, label: t(`disp.route.${r}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="priceVnd"
          label={t('catalog.tariff.price')}
          extra={t('catalog.tariff.priceHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber<number>
            min={0}
            step={1000}
            style={{ width: 220 }}
            formatter={vndFormatter}
            parser={vndParser}
            suffix="₫"
          />
        </Form.Item>
        <Form.Item
          name="dueWorkingDays"
          label={t('catalog.tariff.due')}
          extra={t('catalog.tariff.dueHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber<number> min={0} max={60} precision={0} prefix="J+" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
          <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
        </Form.Item>
      </CatalogFormModal>
    </>
  );
}

// ---- promotions ---------------------------------------------------------------------------------------------------------------
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

function PromotionsTab() {
  const { t } = useI18n();
  const promotions = useResource<PromotionView[]>(
    KEYS.promotions,
    async () => (await api.get<Page<PromotionView>>('/bcci-promotions')).items,
  );
  const [editing, setEditing] = useState<PromotionView | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PromotionValues>();
  const today = todayVN();

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
    {
      title: t('catalog.promo.conditions'),
      key: 'conditions',
      render: (_, p) =>
        p.serviceLevels.length || p.fields.length ? (
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
        ) : (
          <Typography.Text type="secondary">{t('catalog.promo.noCondition')}</Typography.Text>
        ),
    },
    activeColumn<PromotionView>(t, '/bcci-promotions', KEYS.promotions),
    editColumn(t, (row) => (setEditing(row), setOpen(true))),
  ];

  const submit = async (v: PromotionValues) => {
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
    invalidate(KEYS.promotions);
    return t('catalog.savedDone');
  };

  const initial: Partial<PromotionValues> = editing
    ? { ...editing, window: [dayjs(editing.startsOn, 'YYYY-MM-DD'), dayjs(editing.endsOn, 'YYYY-MM-DD')] }
    : { legKinds: ['return'], serviceLevels: [], fields: [], active: true, percent: 30 };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => (setEditing(null), setOpen(true))}
          data-testid="promo-create"
        >
          {t('catalog.promo.create')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={promotions.reload}>
          {t('common.reload')}
        </Button>
      </Space>
      <Alert type="info" showIcon title={t('catalog.promo.help')} style={{ marginBottom: 16 }} />
      {promotions.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, promotions.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="promotions-table">
        <Table<PromotionView>
          rowKey="id"
          size="middle"
          columns={columns}
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
        initialValues={initial}
        fields={['name', 'window', 'percent', 'legKinds', 'serviceLevels', 'fields']}
        aliases={{ startsOn: 'window', endsOn: 'window' }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
        testId="promo-form"
        width={640}
      >
        <Form.Item
          name="name"
          label={t('catalog.promo.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { min: 2, max: 150, message: t('form.length', { min: 2, max: 150 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('catalog.promo.window')}
          extra={t('catalog.promo.windowHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[false, false]} style={{ width: 300 }} />
        </Form.Item>
        <Form.Item
          name="percent"
          label={t('catalog.promo.percent')}
          rules={[{ required: true, message: t('form.required') }]}
        >
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
      </CatalogFormModal>
    </>
  );
}
