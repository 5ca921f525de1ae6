import { useState } from 'react';
import { Col, Form, InputNumber, Row, Select, Switch, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { LEG_KINDS, ROUTE_TYPES, type LegKind, type Page, type RouteType, type TariffView } from '@hotline/contracts';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { invalidate, useResource } from '../../../lib/resource';
import { activeColumn, editColumn } from '../catalog/columns';
import { CatalogFormModal } from '../catalog/CatalogFormModal';
import { PRICING_KEYS, PricingToolbar, vndFormatter, vndParser } from './pricing-shared';

interface TariffValues {
  legKind: LegKind;
  routeType: RouteType;
  priceVnd: number;
  dueWorkingDays: number;
  active: boolean;
}

function tariffColumns(t: Translate, onEdit: (row: TariffView) => void): TableColumnsType<TariffView> {
  return [
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
    activeColumn<TariffView>(t, '/bcci-tariffs', PRICING_KEYS.tariffs),
    {
      title: t('catalog.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (v: string) => formatDateTime(v),
    },
    editColumn(t, onEdit),
  ];
}

/** Leg kind and route type (fixed once the tariff exists), price, J+n, active. */
function TariffFields({ editing }: { editing: boolean }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('form.required') }];
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="legKind" label={t('catalog.tariff.legKind')} rules={required}>
            <Select disabled={editing} options={LEG_KINDS.map((k) => ({ value: k, label: t(`disp.kind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="routeType" label={t('catalog.tariff.routeType')} rules={required}>
            <Select disabled={editing} options={ROUTE_TYPES.map((r) => ({ value: r, label: t(`disp.route.${r}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="priceVnd"
        label={t('catalog.tariff.price')}
        extra={t('catalog.tariff.priceHint')}
        rules={required}
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
        rules={required}
      >
        <InputNumber<number> min={0} max={60} precision={0} prefix="J+" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="active" label={t('catalog.status')} valuePropName="checked">
        <Switch checkedChildren={t('catalog.active')} unCheckedChildren={t('catalog.inactive')} />
      </Form.Item>
    </>
  );
}

async function saveTariff(editing: TariffView | null, v: TariffValues): Promise<void> {
  if (editing)
    await api.patch<TariffView>(`/bcci-tariffs/${editing.id}`, {
      priceVnd: v.priceVnd,
      dueWorkingDays: v.dueWorkingDays,
      active: v.active,
    });
  else await api.post<TariffView>('/bcci-tariffs', v);
  invalidate(PRICING_KEYS.tariffs);
}

export function TariffsTab() {
  const { t } = useI18n();
  const tariffs = useResource<TariffView[]>(
    PRICING_KEYS.tariffs,
    async () => (await api.get<Page<TariffView>>('/bcci-tariffs')).items,
  );
  const [editing, setEditing] = useState<TariffView | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TariffValues>();
  const edit = (row: TariffView | null) => (setEditing(row), setOpen(true));
  const title = editing
    ? t('catalog.tariff.editTitle', {
        kind: t(`disp.kind.${editing.legKind}`),
        route: t(`disp.route.${editing.routeType}`),
      })
    : t('catalog.tariff.create');
  return (
    <>
      <PricingToolbar
        createLabel={t('catalog.tariff.create')}
        createTestId="tariff-create"
        help={t('catalog.tariff.help')}
        error={tariffs.error}
        onCreate={() => edit(null)}
        onReload={tariffs.reload}
      />
      <div data-testid="tariffs-table">
        <Table<TariffView>
          rowKey="id"
          size="middle"
          columns={tariffColumns(t, edit)}
          dataSource={tariffs.data ?? []}
          loading={tariffs.loading && !tariffs.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <CatalogFormModal<TariffValues>
        open={open}
        title={title}
        okText={t('common.save')}
        form={form}
        initialValues={editing ?? { legKind: 'pickup', routeType: 'intra_area', dueWorkingDays: 1, active: true }}
        fields={['legKind', 'routeType', 'priceVnd', 'dueWorkingDays']}
        conflictField="routeType"
        conflictText={t('catalog.tariff.exists')}
        onSubmit={async (v) => (await saveTariff(editing, v), t('catalog.savedDone'))}
        onClose={() => setOpen(false)}
        testId="tariff-form"
      >
        <TariffFields editing={editing !== null} />
      </CatalogFormModal>
    </>
  );
}
