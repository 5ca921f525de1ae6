import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { GiftOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import {
  BCCI_OPTIONS,
  ROUTE_TYPES,
  SERVICE_LEVELS,
  type BcciOption,
  type BcciRequestView,
  type CallView,
  type CallerLookupView,
  type PriceLine,
  type RouteType,
  type ServiceLevel,
} from '@hotline/contracts';
import { CommuneSelect } from '../../components/CommuneSelect';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError, showFormErrors } from '../../lib/errors';
import { formatMoney, formatPhone } from '../../lib/format';
import { useCommunes } from '../../lib/reference-data';
import { invalidate } from '../../lib/resource';
import { kindKey, parseVnDateTime, routeKey } from '../dispatcher/legs-data';
import { useAgencies, useCategories } from '../tickets/tickets-data';
import { optionKey, REQUEST_KEYS, serviceLevelKey, useQuote } from './requests-data';

interface AddressValues {
  detail?: string;
  communeCode?: string;
  lat?: number | null;
  lng?: number | null;
}

interface Values {
  option: BcciOption;
  dossierCode: string;
  procedureName: string;
  field: string;
  agency: string;
  serviceLevel: ServiceLevel;
  routeType: RouteType;
  phone: string;
  contactName?: string;
  pickupAddress?: AddressValues;
  deliverySame?: boolean;
  deliveryAddress?: AddressValues;
  windowFrom?: string;
  windowTo?: string;
  feeOnBehalf?: number | null;
  notes?: string;
}

const ADDRESS_FIELDS = ['detail', 'communeCode', 'lat', 'lng'];
const FIELDS = [
  'option',
  'dossierCode',
  'procedureName',
  'field',
  'agency',
  'serviceLevel',
  'routeType',
  'phone',
  'contactName',
  'windowFrom',
  'windowTo',
  'feeOnBehalf',
  'notes',
  'pickupAddress',
  'deliveryAddress',
  ...ADDRESS_FIELDS.flatMap((f) => [`pickupAddress.${f}`, `deliveryAddress.${f}`]),
];
/** When the result goes back to the pickup address, the api's deliveryAddress errors belong on the pickup fields. */
const DELIVERY_AS_PICKUP: Record<string, string> = Object.fromEntries(
  ['', ...ADDRESS_FIELDS.map((f) => `.${f}`)].map((suffix) => [`deliveryAddress${suffix}`, `pickupAddress${suffix}`]),
);
/** Fields of procedures the promotion of letter 659/UBND-KGVX names, offered first. */
const KNOWN_FIELDS = ['Đăng ký giao dịch bảo đảm'];

function address(a: AddressValues | undefined) {
  if (!a) return undefined;
  return {
    detail: a.detail?.trim() ?? '',
    communeCode: a.communeCode ?? '',
    lat: a.lat ?? undefined,
    lng: a.lng ?? undefined,
  };
}

function AddressFields({
  name,
  title,
  testId,
}: {
  name: 'pickupAddress' | 'deliveryAddress';
  title: string;
  testId: string;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const communes = useCommunes();
  const code = Form.useWatch([name, 'communeCode'], form);
  const commune = code ? communes.byCode.get(code) : undefined;
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'communeCode']}
            label={t('tickets.bcci.commune')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <CommuneSelect data-testid={`${testId}-commune`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'detail']}
            label={t('tickets.bcci.addressDetail')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input maxLength={255} data-testid={`${testId}-detail`} placeholder={t('tickets.bcci.addressHint')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'lat']} label={t('tickets.bcci.lat')}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} data-testid={`${testId}-lat`} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'lng']} label={t('tickets.bcci.lng')}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} data-testid={`${testId}-lng`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} style={{ paddingTop: 30 }}>
          {commune?.remoteArea && (
            <Tag color="orange" icon={<WarningOutlined />} data-testid={`${testId}-remote`}>
              {t('tickets.bcci.remote')}
            </Tag>
          )}
        </Col>
      </Row>
    </div>
  );
}

function QuotePreview({ lines, total, discount }: { lines: PriceLine[]; total: number; discount: number }) {
  const { t } = useI18n();
  return (
    <div data-testid="bcci-quote">
      <Table<PriceLine>
        size="small"
        rowKey="legKind"
        pagination={false}
        dataSource={lines}
        onRow={(l) => ({ 'data-testid': 'quote-line', 'data-leg-kind': l.legKind }) as never}
        columns={[
          { key: 'kind', title: t('tickets.bcci.leg'), render: (_, l) => t(kindKey(l.legKind)) },
          {
            key: 'route',
            title: t('tickets.bcci.routeType'),
            render: (_, l) => `${t(routeKey(l.routeType))} · J+${l.dueWorkingDays}`,
          },
          { key: 'base', title: t('tickets.bcci.base'), align: 'right', render: (_, l) => formatMoney(l.basePostage) },
          {
            key: 'promo',
            title: t('tickets.bcci.promotion'),
            render: (_, l) =>
              l.promotionName ? (
                <Tag color="magenta" icon={<GiftOutlined />} data-testid="quote-promotion">
                  {l.promotionName} −{formatMoney(l.discount)}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('tickets.bcci.noPromotion')}</Typography.Text>
              ),
          },
          {
            key: 'postage',
            title: t('tickets.bcci.postage'),
            align: 'right',
            render: (_, l) => <strong data-testid="quote-postage">{formatMoney(l.postage)}</strong>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>{t('tickets.bcci.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              {discount > 0 && <span data-testid="quote-discount">−{formatMoney(discount)}</span>}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <strong data-testid="quote-total">{formatMoney(total)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}

/** The POST /bcci-requests body from the form (the delivery address defaults to the pickup one for "both"). */
function requestBody(v: Values, window: { windowFrom?: string; windowTo?: string }, callId: string | undefined) {
  const pickup = v.option === 'receive_result' ? undefined : address(v.pickupAddress);
  const sameAsPickup = v.option === 'send_dossier' || (v.option === 'both' && v.deliverySame !== false);
  return {
    option: v.option,
    dossierCode: v.dossierCode,
    procedureName: v.procedureName,
    field: v.field,
    agency: v.agency,
    serviceLevel: v.serviceLevel,
    routeType: v.routeType,
    phone: v.phone,
    contactName: v.contactName?.trim() || undefined,
    pickupAddress: pickup,
    deliveryAddress: sameAsPickup ? undefined : address(v.deliveryAddress),
    windowFrom: window.windowFrom,
    windowTo: window.windowTo,
    feeOnBehalf: v.feeOnBehalf ?? undefined,
    notes: v.notes?.trim() || undefined,
    callId,
  };
}

/** Filled once per opening (and when the caller's record arrives) from the call and the screen-pop. */
function usePrefill(
  form: FormInstance<Values>,
  open: boolean,
  call: CallView | null,
  caller: CallerLookupView | undefined,
) {
  // Reads the call and the caller as they are when it runs; not a reason to run by itself.
  const fill = useEffectEvent(() => {
    form.resetFields();
    const citizen = caller?.citizen;
    form.setFieldsValue({
      option: 'send_dossier',
      serviceLevel: '3',
      routeType: 'intra_province',
      phone: call?.phone ? formatPhone(call.phone) : '',
      contactName: citizen?.fullName ?? undefined,
      pickupAddress: { detail: citizen?.addressDetail ?? undefined, communeCode: citizen?.communeCode ?? undefined },
      deliverySame: true,
    });
  });
  // A live update of the call — the citizen hangs up, the outcome is set — must not wipe what the operator is typing:
  // only an opening, another call or the caller's record arriving fills the form.
  const callId = call?.id;
  const citizenId = caller?.citizen?.id;
  useEffect(() => {
    if (open) fill();
  }, [open, callId, citizenId, form]);
}

interface CreateInput {
  form: FormInstance<Values>;
  call: CallView | null;
  separateDelivery: boolean;
  onCreated: (r: BcciRequestView) => void;
}

/** Creates the request, links the call to it, and shows the api's 400s under the fields they name. */
function useCreate({ form, call, separateDelivery, onCreated }: CreateInput) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setError(null);
    const windowFrom = v.windowFrom?.trim() ? parseVnDateTime(v.windowFrom) : undefined;
    const windowTo = v.windowTo?.trim() ? parseVnDateTime(v.windowTo) : undefined;
    const bad = [...(windowFrom === null ? ['windowFrom'] : []), ...(windowTo === null ? ['windowTo'] : [])];
    if (bad.length)
      return form.setFields(bad.map((n) => ({ name: n, errors: [t('tickets.bcci.windowInvalid')] })) as never);
    setSaving(true);
    try {
      const window = { windowFrom: windowFrom ?? undefined, windowTo: windowTo ?? undefined };
      const created = await api.post<BcciRequestView>('/bcci-requests', requestBody(v, window, call?.id));
      invalidate(REQUEST_KEYS.mine);
      // The call says what came of it; an outcome the operator already chose is kept.
      if (call)
        await api
          .patch(`/calls/${call.id}`, { requestId: created.id, outcome: call.outcome ?? 'request_created' })
          .then(
            () => invalidate('calls/today'),
            (err: unknown) => void message.warning(t('tickets.form.callNotLinked', { reason: describeError(t, err) })),
          );
      void message.success(t('tickets.bcci.created', { code: created.code }));
      onCreated(created);
    } catch (err) {
      // The delivery address defaults to the pickup one: a problem there is shown on the field the operator filled.
      setError(showFormErrors(t, form, err, { fields: FIELDS, aliases: separateDelivery ? {} : DELIVERY_AS_PICKUP }));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, submit };
}

const required = (message: string) => [{ required: true, whitespace: true, message }];
const folded = (input: string, o?: { value?: unknown }) =>
  String(o?.value ?? '')
    .toLowerCase()
    .includes(input.toLowerCase());

/** Who calls and about which dossier. */
function ContactFields() {
  const { t } = useI18n();
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item
          name="phone"
          label={t('tickets.field.phone')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input maxLength={30} data-testid="bcci-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="contactName" label={t('tickets.bcci.contactName')}>
          <Input maxLength={150} data-testid="bcci-contact" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="dossierCode" label={t('tickets.field.dossierCode')} rules={required(t('form.required'))}>
          <Input maxLength={60} data-testid="bcci-dossier" placeholder="000.00.21.H21-260129-0001" />
        </Form.Item>
      </Col>
    </>
  );
}

/** The procedure, its field (the promotion may depend on it) and the competent agency. */
function ProcedureFields() {
  const { t } = useI18n();
  const agencies = useAgencies();
  const categories = useCategories();
  const fieldOptions = useMemo(() => {
    const names = [...KNOWN_FIELDS, ...categories.active.map((c) => c.name)];
    return [...new Set(names)].map((n) => ({ value: n }));
  }, [categories.active]);
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="procedureName" label={t('tickets.bcci.procedure')} rules={required(t('form.required'))}>
          <Input maxLength={255} data-testid="bcci-procedure" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="field" label={t('tickets.bcci.field')} rules={required(t('form.required'))}>
          <AutoComplete options={fieldOptions} filterOption={folded}>
            <Input maxLength={150} data-testid="bcci-field" />
          </AutoComplete>
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="agency" label={t('tickets.field.agency')} rules={required(t('form.required'))}>
          <AutoComplete options={agencies.active.map((a) => ({ value: a.name }))} filterOption={folded}>
            <Input maxLength={200} data-testid="bcci-agency" />
          </AutoComplete>
        </Form.Item>
      </Col>
    </>
  );
}

/** The online service level and the route type: both change the price. */
function LevelFields() {
  const { t } = useI18n();
  return (
    <>
      <Col xs={12} md={6}>
        <Form.Item name="serviceLevel" label={t('tickets.bcci.serviceLevel')}>
          <Select
            data-testid="bcci-level"
            options={SERVICE_LEVELS.map((s) => ({ value: s, label: t(serviceLevelKey(s)) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="routeType" label={t('tickets.bcci.routeType')}>
          <Select data-testid="bcci-route" options={ROUTE_TYPES.map((r) => ({ value: r, label: t(routeKey(r)) }))} />
        </Form.Item>
      </Col>
    </>
  );
}

/** Where to pick up and where to deliver, as the option needs them. */
function AddressesSection({ option, separateDelivery }: { option: BcciOption | undefined; separateDelivery: boolean }) {
  const { t } = useI18n();
  const needsPickup = option === 'send_dossier' || option === 'both';
  const needsDelivery = option === 'receive_result' || option === 'both';
  return (
    <>
      {needsPickup && (
        <AddressFields name="pickupAddress" title={t('tickets.bcci.pickupAddress')} testId="bcci-pickup" />
      )}
      {option === 'both' && (
        <Form.Item name="deliverySame" valuePropName="checked">
          <Checkbox data-testid="bcci-delivery-same">{t('tickets.bcci.deliverySame')}</Checkbox>
        </Form.Item>
      )}
      {needsDelivery && separateDelivery && (
        <AddressFields name="deliveryAddress" title={t('tickets.bcci.deliveryAddress')} testId="bcci-delivery" />
      )}
    </>
  );
}

const thousands = (v: number | string | undefined | null) =>
  v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The preferred time window (typed in Vietnam time), the fee collected on behalf, notes for the office. */
function WindowAndFeeFields() {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={12} md={6}>
        <Form.Item name="windowFrom" label={t('tickets.bcci.windowFrom')}>
          <Input placeholder="dd/MM/yyyy HH:mm" data-testid="bcci-window-from" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="windowTo" label={t('tickets.bcci.windowTo')}>
          <Input placeholder="dd/MM/yyyy HH:mm" data-testid="bcci-window-to" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="feeOnBehalf" label={t('tickets.bcci.feeOnBehalf')} extra={t('tickets.bcci.feeHint')}>
          <InputNumber<number>
            min={0}
            step={1000}
            precision={0}
            style={{ width: '100%' }}
            data-testid="bcci-fee"
            formatter={thousands}
            parser={(v) => Number((v ?? '').replace(/\D/g, '')) as never}
            addonAfter="₫"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notes" label={t('tickets.bcci.notes')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="bcci-notes" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The live price per leg with the promotion that applies (POST /bcci-requests/quote). */
function PriceSection({ quote }: { quote: ReturnType<typeof useQuote> }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text strong>{t('tickets.bcci.price')}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {quote.quote ? (
          <Spin spinning={quote.loading}>
            <QuotePreview
              lines={quote.quote.lines}
              total={quote.quote.totalPostage}
              discount={quote.quote.totalDiscount}
            />
          </Spin>
        ) : quote.error ? (
          <Alert type="warning" showIcon title={describeError(t, quote.error)} />
        ) : (
          <Space>
            {quote.loading && <Spin size="small" />}
            <Typography.Text type="secondary">{t('tickets.bcci.priceHint')}</Typography.Text>
          </Space>
        )}
      </div>
    </>
  );
}

function RequestForm({ form, onFinish }: { form: FormInstance<Values>; onFinish: (v: Values) => void }) {
  const { t } = useI18n();
  const option = Form.useWatch('option', form);
  const deliverySame = Form.useWatch('deliverySame', form);
  const separateDelivery = option === 'receive_result' || (option === 'both' && deliverySame === false);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      data-testid="bcci-form"
      scrollToFirstError
    >
      <Form.Item name="option" label={t('tickets.bcci.option')}>
        <Segmented<BcciOption>
          block
          data-testid="bcci-option"
          options={BCCI_OPTIONS.map((o) => ({ value: o, label: t(optionKey(o)) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <ContactFields />
        <ProcedureFields />
        <LevelFields />
      </Row>
      <Divider style={{ margin: '4px 0 12px' }} />
      <AddressesSection option={option} separateDelivery={separateDelivery} />
      <WindowAndFeeFields />
    </Form>
  );
}

interface BcciRequestModalProps {
  open: boolean;
  call: CallView | null;
  caller: CallerLookupView | undefined;
  onClose: () => void;
  onCreated: (r: BcciRequestView) => void;
}

/**
 * "Tạo yêu cầu BCCI" (Decision 45/2016): send the dossier, receive the result, or both, from the current call — the
 * citizen, phone and address prefilled from the screen-pop; a live price per leg with the promotion that applies; the
 * api's 400s shown under the fields they name.
 */
export function BcciRequestModal({ open, call, caller, onClose, onCreated }: BcciRequestModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const option = Form.useWatch('option', form);
  const deliverySame = Form.useWatch('deliverySame', form);
  const separateDelivery = option === 'receive_result' || (option === 'both' && deliverySame === false);
  const create = useCreate({ form, call, separateDelivery, onCreated });
  const { setError } = create;
  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);
  usePrefill(form, open, call, caller);
  const quote = useQuote({
    option,
    serviceLevel: Form.useWatch('serviceLevel', form),
    field: Form.useWatch('field', form),
    routeType: Form.useWatch('routeType', form),
  });
  return (
    <Modal
      open={open}
      title={t('op.slot.bcci')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('tickets.bcci.submit')}
      okButtonProps={{ loading: create.saving, 'data-testid': 'bcci-submit' } as never}
      cancelText={t('common.cancel')}
      width={980}
      destroyOnHidden
      data-testid="bcci-modal"
    >
      {create.error && (
        <Alert type="error" showIcon title={create.error} style={{ marginBottom: 12 }} data-testid="bcci-error" />
      )}
      <RequestForm form={form} onFinish={(v) => void create.submit(v)} />
      <PriceSection quote={quote} />
    </Modal>
  );
}
