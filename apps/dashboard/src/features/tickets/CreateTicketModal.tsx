import { useEffect, useEffectEvent, useState } from 'react';
import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import {
  raisePriority,
  TICKET_CHANNELS,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  type CallView,
  type CallerLookupView,
  type TicketChannel,
  type TicketKind,
  type TicketPriority,
  type TicketView,
  type BcciRequestView,
  type Page,
} from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { CommuneSelect } from '../../components/CommuneSelect';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError, showFormErrors } from '../../lib/errors';
import { formatPhone } from '../../lib/format';
import { useCommunes } from '../../lib/reference-data';
import { invalidate, useResource } from '../../lib/resource';
import { vnDateToIso } from '../dispatcher/leg-rules';
import { kindKey, priorityKey, PRIORITY_COLORS, useAgencies, useCategories } from './tickets-data';

interface Values {
  kind: TicketKind;
  channel: TicketChannel;
  phone: string;
  citizenName?: string;
  subject: string;
  content: string;
  categoryId?: string;
  priority: TicketPriority;
  raiseForRemoteArea: boolean;
  communeCode?: string;
  dossierCode?: string;
  bcciRequestId?: string;
  overdue?: { agencyId?: string; dossierCode?: string; originalDueDate?: string };
  assignToMe?: boolean;
}

const FIELDS = [
  'kind',
  'channel',
  'phone',
  'citizenName',
  'subject',
  'content',
  'categoryId',
  'priority',
  'communeCode',
  'dossierCode',
  'bcciRequestId',
  'overdue',
  'overdue.agencyId',
  'overdue.dossierCode',
  'overdue.originalDueDate',
];

export interface TicketSource {
  call?: CallView | null;
  caller?: CallerLookupView | null;
  /** BCCI requests the ticket may be about (the caller's, created from this console). */
  requests?: Array<{ id: string; code: string }>;
}

/** What the api is sent for the form's values (the overdue block only for an overdue dossier). */
function ticketBody(v: Values, o: { callId?: string; assigneeId?: string; originalDueDate?: string | null }) {
  return {
    kind: v.kind,
    channel: v.channel,
    phone: v.phone,
    citizenName: v.citizenName?.trim() || undefined,
    callId: o.callId,
    subject: v.subject,
    content: v.content,
    categoryId: v.categoryId,
    priority: v.priority,
    raiseForRemoteArea: v.raiseForRemoteArea,
    communeCode: v.communeCode,
    dossierCode: v.kind === 'overdue_dossier' ? undefined : v.dossierCode?.trim() || undefined,
    bcciRequestId: v.bcciRequestId,
    assigneeId: o.assigneeId,
    overdue:
      v.kind === 'overdue_dossier'
        ? {
            agencyId: v.overdue?.agencyId,
            dossierCode: v.overdue?.dossierCode,
            originalDueDate: o.originalDueDate ?? undefined,
          }
        : undefined,
  };
}

/** Sending the form: the ticket, then the call linked to it; a refused field shows its 400 under itself. */
function useCreateTicket(
  form: FormInstance<Values>,
  call: CallView | null | undefined,
  onCreated: (t: TicketView) => void,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const canOwn = me.role === 'operator' || me.role === 'supervisor';
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const linkCall = async (created: TicketView) => {
    if (!call) return;
    // The call says what came of it; the operator's own outcome, if any, is kept.
    await api.patch(`/calls/${call.id}`, { ticketId: created.id, outcome: call.outcome ?? 'ticket_created' }).then(
      () => invalidate('calls/today'),
      (err: unknown) => void message.warning(t('tickets.form.callNotLinked', { reason: describeError(t, err) })),
    );
  };
  const submit = async (v: Values) => {
    setError(null);
    const originalDueDate = v.overdue?.originalDueDate ? vnDateToIso(v.overdue.originalDueDate) : undefined;
    if (v.kind === 'overdue_dossier' && v.overdue?.originalDueDate && !originalDueDate) {
      form.setFields([{ name: ['overdue', 'originalDueDate'], errors: [t('tickets.form.dateInvalid')] }]);
      return;
    }
    setSaving(true);
    try {
      const assigneeId = canOwn && v.assignToMe ? me.id : undefined;
      const created = await api.post<TicketView>(
        '/tickets',
        ticketBody(v, { callId: call?.id, assigneeId, originalDueDate }),
      );
      invalidate('tickets/');
      await linkCall(created);
      void message.success(t('tickets.form.created', { code: created.code }));
      onCreated(created);
    } catch (err) {
      setError(showFormErrors(t, form, err, FIELDS));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, submit, canOwn };
}

/** The form filled once per opening (and when the caller's record arrives) from the call and the caller. */
function usePrefill(form: FormInstance<Values>, open: boolean, source: TicketSource, canOwn: boolean) {
  const { call, caller } = source;
  // Reads the call and the caller as they are when it runs; a live update of the call alone (the citizen hangs up, the
  // outcome is set) does not run it again, so it never wipes what the operator is typing.
  const fill = useEffectEvent(() => {
    form.resetFields();
    form.setFieldsValue({
      kind: 'feedback',
      channel: 'phone',
      phone: call?.phone ? formatPhone(call.phone) : '',
      citizenName: caller?.citizen?.fullName ?? undefined,
      priority: 'normal',
      raiseForRemoteArea: true,
      communeCode: caller?.citizen?.communeCode ?? undefined,
      assignToMe: canOwn,
    });
  });
  const callId = call?.id;
  const citizenId = caller?.citizen?.id;
  useEffect(() => {
    if (open) fill();
  }, [open, callId, citizenId]);
}

/** The caller's BCCI requests (whoever created them) and the console's own, to link the ticket to the one it is about. */
function useRequestOptions(open: boolean, source: TicketSource): Array<{ value: string; label: string }> {
  const phone = source.call?.phone;
  const callerRequests = useResource<Page<BcciRequestView>>(open && phone ? `bcci-requests/of?${phone}` : null, () =>
    api.get<Page<BcciRequestView>>('/bcci-requests', { query: { phone: phone!, mine: false, limit: 20 } }),
  );
  const options = new Map<string, string>();
  for (const r of [...(source.requests ?? []), ...(callerRequests.data?.items ?? [])]) options.set(r.id, r.code);
  return [...options].map(([value, label]) => ({ value, label }));
}

/** Kind, channel, phone, the citizen's name, the category. */
function WhoFields() {
  const { t } = useI18n();
  const categories = useCategories();
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item
          name="kind"
          label={t('tickets.field.kind')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select data-testid="ticket-kind" options={TICKET_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="channel"
          label={t('tickets.field.channel')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select
            data-testid="ticket-channel"
            options={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}` as MessageKey) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="phone"
          label={t('tickets.field.phone')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input data-testid="ticket-phone" maxLength={30} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="citizenName" label={t('tickets.field.citizenName')}>
          <Input data-testid="ticket-citizen-name" maxLength={150} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="categoryId" label={t('tickets.field.category')}>
          <Select
            allowClear
            data-testid="ticket-category"
            loading={categories.loading}
            placeholder={t('tickets.form.pickCategory')}
            options={categories.active.map((c) => ({ value: c.id, label: c.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** Subject, content, priority and the commune. */
function WhatFields() {
  const { t } = useI18n();
  return (
    <>
      <Col span={24}>
        <Form.Item
          name="subject"
          label={t('tickets.field.subject')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input data-testid="ticket-subject" maxLength={200} showCount />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="content"
          label={t('tickets.field.content')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input.TextArea data-testid="ticket-content" rows={4} maxLength={10000} showCount />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="priority" label={t('tickets.field.priority')}>
          <Select
            data-testid="ticket-priority"
            options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="communeCode" label={t('tickets.field.commune')} extra={t('tickets.form.communeHint')}>
          <CommuneSelect allowClear data-testid="ticket-commune" />
        </Form.Item>
      </Col>
    </>
  );
}

/** A remote-area commune raises the priority one step (the api does it; the form shows it and lets the operator opt out). */
function RemoteAreaNotice() {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const communes = useCommunes();
  const priority = Form.useWatch('priority', form) ?? 'normal';
  const communeCode = Form.useWatch('communeCode', form);
  const raise = Form.useWatch('raiseForRemoteArea', form);
  const commune = communeCode ? communes.byCode.get(communeCode) : undefined;
  if (!commune?.remoteArea) return null;
  const raised = raise !== false ? raisePriority(priority) : priority;
  return (
    <Col span={24}>
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined />}
        style={{ marginBottom: 12 }}
        data-testid="ticket-remote-bump"
        title={
          <span>
            {t('tickets.form.remote', { commune: commune.name })}{' '}
            {raised !== priority ? (
              <>
                <Tag color={PRIORITY_COLORS[priority]}>{t(priorityKey(priority))}</Tag>→{' '}
                <Tag color={PRIORITY_COLORS[raised]}>{t(priorityKey(raised))}</Tag>
              </>
            ) : (
              <Typography.Text type="secondary">{t('tickets.form.noBump')}</Typography.Text>
            )}
          </span>
        }
        action={
          <Form.Item name="raiseForRemoteArea" valuePropName="checked" noStyle>
            <Checkbox data-testid="ticket-raise">{t('tickets.form.raise')}</Checkbox>
          </Form.Item>
        }
      />
    </Col>
  );
}

/** An overdue dossier's facts (code, agency, original date), or the dossier code of any other ticket. */
function DossierFields() {
  const { t } = useI18n();
  const agencies = useAgencies();
  const kind = Form.useWatch('kind', Form.useFormInstance<Values>());
  return kind === 'overdue_dossier' ? (
    <>
      <Col xs={24} md={8}>
        <Form.Item
          name={['overdue', 'dossierCode']}
          label={t('tickets.field.dossierCode')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input data-testid="ticket-overdue-dossier" maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['overdue', 'agencyId']}
          label={t('tickets.field.agency')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select
            data-testid="ticket-overdue-agency"
            options={agencies.active.map((a) => ({ value: a.id, label: a.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['overdue', 'originalDueDate']}
          label={t('tickets.field.originalDueDate')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input data-testid="ticket-overdue-date" placeholder="dd/MM/yyyy" />
        </Form.Item>
      </Col>
    </>
  ) : (
    <Col xs={24} md={12}>
      <Form.Item name="dossierCode" label={t('tickets.field.dossierCode')}>
        <Input data-testid="ticket-dossier" maxLength={60} />
      </Form.Item>
    </Col>
  );
}

/** The BCCI request it is about, and taking it oneself. */
function LinkFields({ requests, canOwn }: { requests: Array<{ value: string; label: string }>; canOwn: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="bcciRequestId" label={t('tickets.field.bcciRequest')}>
          <Select allowClear data-testid="ticket-bcci" placeholder={t('tickets.form.pickRequest')} options={requests} />
        </Form.Item>
      </Col>
      {canOwn && (
        <Col span={24}>
          <Form.Item name="assignToMe" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="ticket-assign-me">{t('tickets.form.assignToMe')}</Checkbox>
          </Form.Item>
        </Col>
      )}
    </>
  );
}

/** "Tạo phiếu phản ánh": a feedback ticket from the current call (phone, citizen and call prefilled), then its detail. */
export function CreateTicketModal({
  open,
  source,
  onClose,
  onCreated,
}: {
  open: boolean;
  source: TicketSource;
  onClose: () => void;
  onCreated: (t: TicketView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit, canOwn } = useCreateTicket(form, source.call, onCreated);
  usePrefill(form, open, source, canOwn);
  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);
  const requests = useRequestOptions(open, source);
  return (
    <Modal
      open={open}
      title={t('tickets.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('tickets.form.submit')}
      okButtonProps={{ loading: saving, 'data-testid': 'ticket-form-submit' } as never}
      cancelText={t('common.cancel')}
      width={820}
      destroyOnHidden
      data-testid="ticket-form-modal"
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="ticket-form-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        requiredMark={false}
        data-testid="ticket-form"
      >
        <Row gutter={12}>
          <WhoFields />
          <WhatFields />
          <RemoteAreaNotice />
          <DossierFields />
          <LinkFields requests={requests} canOwn={canOwn} />
        </Row>
      </Form>
    </Modal>
  );
}
