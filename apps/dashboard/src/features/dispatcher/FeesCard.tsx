import { useState } from 'react';
import { DollarOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type LegView, vnLocalDate } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api-client';
import { describeError } from '../../lib/errors';
import { formatDate, formatMoney } from '../../lib/format';
import { invalidate } from '../../lib/resource';
import {
  awaitsRemittance,
  KEYS,
  STATE_COLORS,
  stateKey,
  useUnremitted,
  useUnremittedLegs,
  vnDateToIso,
} from './legs-data';

interface RemitValues {
  reference: string;
  remittedOn: string;
}

/** POST /bcci-remittances of the selected legs; a leg already remitted (409 naming it) leaves the selection. */
function useRemit(form: FormInstance<RemitValues>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const remit = async (v: RemitValues) => {
    setBusy(true);
    try {
      const r = await api.post<{ amount: number }>('/bcci-remittances', {
        reference: v.reference.trim(),
        legIds: selected,
        remittedOn: vnDateToIso(v.remittedOn)!,
      });
      setSelected([]);
      form.setFieldsValue({ reference: '' });
      void message.success(t('disp.remit.done', { amount: formatMoney(r.amount) }));
    } catch (err) {
      const legId = err instanceof ApiError ? (err.body.details as { legId?: string } | undefined)?.legId : undefined;
      if (legId && err instanceof ApiError && err.status === 409) setSelected((s) => s.filter((x) => x !== legId));
      void message.error(describeError(t, err));
    } finally {
      setBusy(false);
      invalidate(KEYS.unremitted, 'bcci-legs/');
    }
  };
  return { selected, setSelected, busy, remit };
}

/** The collected-not-remitted report as a file (the server's CSV, named after the office and the Vietnam date). */
function CsvButton({ officeCode }: { officeCode: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const blob = await api.get<Blob>('/bcci-remittances/unremitted.csv', { as: 'blob' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `thu-ho-chua-nop-${officeCode ?? 'buu-cuc'}-${vnLocalDate(Date.now())}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      void message.error(t('dispatch.fees.downloadFailed', { reason: describeError(t, err) }));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Tooltip title={t('dispatch.fees.downloadHint')}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={downloading}
        onClick={() => void download()}
        data-testid="fees-csv"
      >
        {t('dispatch.fees.download')}
      </Button>
    </Tooltip>
  );
}

function Totals({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  const row = useUnremitted().data?.find((r) => r.officeId === officeId);
  return (
    <Row gutter={16} style={{ marginBottom: 12 }}>
      <Col span={12}>
        <Statistic
          title={t('disp.fees.unremitted')}
          value={formatMoney(row?.amount ?? 0)}
          styles={{ content: { color: row?.amount ? '#d4380d' : undefined, fontSize: 20 } }}
          data-testid="unremitted-amount"
        />
      </Col>
      <Col span={12}>
        <Statistic
          title={t('disp.fees.legs')}
          value={row?.legs ?? 0}
          styles={{ content: { fontSize: 20 } }}
          data-testid="unremitted-legs"
        />
      </Col>
    </Row>
  );
}

function FeesTable({
  legs,
  selected,
  onSelect,
}: {
  legs: LegView[];
  selected: string[];
  onSelect: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
  return (
    <Table<LegView>
      size="small"
      rowKey="id"
      dataSource={legs}
      pagination={false}
      locale={{ emptyText: t('disp.fees.none') }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]) }}
      onRow={(l) => ({ 'data-testid': 'fee-row', 'data-leg-id': l.id }) as never}
      columns={[
        { key: 'code', title: t('disp.code'), render: (_, l) => nowrap(l.requestCode) },
        {
          key: 'state',
          title: t('disp.state'),
          render: (_, l) => <Tag color={STATE_COLORS[l.state]}>{t(stateKey(l.state))}</Tag>,
        },
        {
          key: 'fee',
          title: t('disp.fees.amount'),
          align: 'right',
          render: (_, l) => nowrap(formatMoney(l.feeCollected)),
        },
        {
          key: 'receipt',
          title: t('disp.pickup.receiptShort'),
          render: (_, l) => nowrap(l.pickupChecklist?.feeReceiptNumber ?? '—'),
        },
      ]}
    />
  );
}

interface RemitFormProps {
  form: FormInstance<RemitValues>;
  total: number;
  canSubmit: boolean;
  busy: boolean;
  onFinish: (v: RemitValues) => void;
}

function RemitForm({ form, total, canSubmit, busy, onFinish }: RemitFormProps) {
  const { t } = useI18n();
  const validDate = {
    validator: (_: unknown, v: string | undefined) =>
      v && vnDateToIso(v) ? Promise.resolve() : Promise.reject(new Error(t('disp.remit.dateInvalid'))),
  };
  return (
    <Form
      form={form}
      layout="inline"
      name="remittance"
      initialValues={{ remittedOn: formatDate(new Date()) }}
      onFinish={onFinish}
      data-testid="remit-form"
    >
      <Form.Item
        name="reference"
        rules={[{ required: true, whitespace: true, message: t('disp.remit.referenceRequired') }]}
      >
        <Input
          placeholder={t('disp.remit.reference')}
          maxLength={60}
          style={{ width: 180 }}
          data-testid="remit-reference"
        />
      </Form.Item>
      <Form.Item name="remittedOn" rules={[validDate]}>
        <Input placeholder="dd/MM/yyyy" maxLength={10} style={{ width: 130 }} data-testid="remit-date" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" disabled={!canSubmit} loading={busy} data-testid="remit-submit">
          {t('disp.remit.submit', { amount: formatMoney(total) })}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** Fees collected on behalf and not yet remitted, and the remittance form. */
export function FeesCard({ officeId, officeCode }: { officeId: string; officeCode: string | null }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RemitValues>();
  const { selected, setSelected, busy, remit } = useRemit(form);
  // Which fees still wait for a remittance batch is the server's word (`unremitted=true`, LegView.remittance), not this
  // browser's memory; a leg remitted meanwhile (live update pending) is left out at once.
  const candidates = (useUnremittedLegs().data?.items ?? []).filter(awaitsRemittance);
  const total = candidates.filter((l) => selected.includes(l.id)).reduce((s, l) => s + (l.feeCollected ?? 0), 0);
  const title = (
    <Space>
      <DollarOutlined />
      {t('disp.fees.title')}
    </Space>
  );
  return (
    <Card title={title} extra={<CsvButton officeCode={officeCode} />} data-testid="fees-card">
      <Totals officeId={officeId} />
      <FeesTable legs={candidates} selected={selected} onSelect={setSelected} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('disp.remit.hint')}
      </Typography.Paragraph>
      <RemitForm
        form={form}
        total={total}
        canSubmit={selected.length > 0}
        busy={busy}
        onFinish={(v) => void remit(v)}
      />
    </Card>
  );
}
