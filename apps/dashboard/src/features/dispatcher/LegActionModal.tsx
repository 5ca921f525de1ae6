import { useEffect, useState } from 'react';
import {
  AutoComplete,
  App,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Select,
  Typography,
} from 'antd';
import type { LegView } from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError, errorField } from '../../lib/errors';
import { formatDateTime, formatMoney } from '../../lib/format';
import { invalidate } from '../../lib/resource';
import { type LegAction, KEYS, parseVnDateTime } from './legs-data';

export type ModalAction = LegAction | 'reject';

const TITLES: Record<ModalAction, MessageKey> = {
  reject: 'disp.reject.title',
  courier: 'disp.courier.title',
  pickup: 'disp.pickup.title',
  deliver: 'disp.deliver.title',
  fail: 'disp.fail.title',
  return: 'disp.return.title',
};

const RELATIONS: MessageKey[] = [
  'disp.relation.self',
  'disp.relation.family',
  'disp.relation.authorised',
  'disp.relation.agency',
];

interface Values {
  reason?: string;
  courierName?: string;
  missingDocuments?: string[];
  slipSignedByBoth?: boolean;
  sealedInFrontOfCitizen?: boolean;
  feeCollected?: number | null;
  feeReceiptNumber?: string;
  recipientName?: string;
  relation?: string;
  deliveredAt?: string;
}

/** The request each action sends (the server validates it again). */
function actionRequest(action: ModalAction, legId: string, v: Values): { path: string; body: unknown } {
  const path = `/bcci-legs/${legId}`;
  switch (action) {
    case 'courier':
      return { path: `${path}/courier`, body: { courierName: v.courierName!.trim() } };
    case 'pickup':
      return {
        path: `${path}/pickup`,
        body: {
          checklist: {
            missingDocuments: (v.missingDocuments ?? []).map((d) => d.trim()).filter(Boolean),
            slipSignedByBoth: !!v.slipSignedByBoth,
            sealedInFrontOfCitizen: !!v.sealedInFrontOfCitizen,
            feeReceiptNumber: v.feeReceiptNumber?.trim() || undefined,
          },
          feeCollected: v.feeCollected ?? undefined,
        },
      };
    case 'deliver':
      return {
        path: `${path}/deliver`,
        body: {
          recipientName: v.recipientName!.trim(),
          relation: v.relation!.trim(),
          deliveredAt: v.deliveredAt ? parseVnDateTime(v.deliveredAt)! : undefined,
          feeCollected: v.feeCollected ?? undefined,
        },
      };
    default: {
      const verb = action === 'return' ? 'return-to-agency' : action;
      return { path: `${path}/${verb}`, body: { reason: v.reason!.trim() } };
    }
  }
}

/** Sends the action; a field the server names in its 400 is marked on the form. */
function useSubmit(leg: LegView | null, action: ModalAction | null, form: FormInstance<Values>, onClose: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    if (!leg || !action) return;
    const { path, body } = actionRequest(action, leg.id, v);
    setBusy(true);
    try {
      await api.post(path, body);
      void message.success(t(`disp.done.${action}` as MessageKey, { code: leg.requestCode }));
      onClose();
    } catch (err) {
      const name = errorField(err)?.replace(/^checklist\./, '');
      if (name && form.getFieldInstance(name as never) !== undefined)
        form.setFields([{ name: name as never, errors: [describeError(t, err)] }]);
      void message.error(describeError(t, err));
    } finally {
      setBusy(false);
      invalidate('bcci-legs/', KEYS.unremitted);
    }
  };
  return { busy, submit };
}

/** The fields each action starts from. */
function useInitialValues(leg: LegView | null, action: ModalAction | null, form: FormInstance<Values>) {
  useEffect(() => {
    if (!leg || !action) return;
    form.resetFields();
    if (action === 'pickup')
      form.setFieldsValue({
        missingDocuments: [],
        slipSignedByBoth: false,
        sealedInFrontOfCitizen: false,
        feeCollected: leg.kind === 'pickup' ? leg.feeExpected || null : null,
      });
    if (action === 'deliver') form.setFieldsValue({ deliveredAt: formatDateTime(new Date()), feeCollected: null });
    if (action === 'courier') form.setFieldsValue({ courierName: leg.courierName ?? '' });
  }, [leg, action, form]);
}

const MoneyInput = ({ testId }: { testId: string }) => (
  <InputNumber<number> min={0} step={1000} precision={0} style={{ width: 220 }} suffix="₫" data-testid={testId} />
);

const mustBeTicked = (message: string) => ({
  validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))),
});

function ReasonFields({ leg, action }: { leg: LegView; action: ModalAction }) {
  const { t } = useI18n();
  const rules = [
    { required: true, whitespace: true, message: t('disp.reasonRequired') },
    { min: 3, message: t('disp.reasonRequired') },
  ];
  return (
    <>
      {action === 'return' && (
        <Typography.Paragraph type="secondary">{t('disp.return.hint', { n: leg.failedAttempts })}</Typography.Paragraph>
      )}
      <Form.Item name="reason" label={t('disp.reason')} rules={rules}>
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="leg-reason" />
      </Form.Item>
    </>
  );
}

function CourierFields() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="courierName"
      label={t('disp.courier.name')}
      rules={[{ required: true, whitespace: true, min: 2, message: t('disp.courier.required') }]}
    >
      <Input maxLength={150} data-testid="courier-name" />
    </Form.Item>
  );
}

/** Decision 45 art. 6: the documents checked, the slip signed by both, the dossier sealed in front of the citizen. */
function PickupChecks({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('disp.pickup.hint')}</Typography.Paragraph>
      <Form.Item name="missingDocuments" label={t('disp.pickup.missing')} extra={t('disp.pickup.missingHint')}>
        <Select
          mode="tags"
          suffixIcon={null}
          placeholder={t('disp.pickup.complete')}
          tokenSeparators={[';']}
          data-testid="pickup-missing"
        />
      </Form.Item>
      <Form.Item name="slipSignedByBoth" valuePropName="checked" rules={[mustBeTicked(t('disp.pickup.slipRequired'))]}>
        <Checkbox data-testid="pickup-slip">{t('disp.pickup.slip')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="sealedInFrontOfCitizen"
        valuePropName="checked"
        rules={leg.kind === 'pickup' ? [mustBeTicked(t('disp.pickup.sealRequired'))] : []}
      >
        <Checkbox data-testid="pickup-sealed">{t('disp.pickup.sealed')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** The fee collected on behalf at pickup, and its receipt number (required when a fee is collected). */
function PickupFee({ leg, fee }: { leg: LegView; fee: number | null | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="feeCollected"
        label={t('disp.fee.collected')}
        extra={leg.feeExpected ? t('disp.fee.expected', { amount: formatMoney(leg.feeExpected) }) : undefined}
      >
        <MoneyInput testId="pickup-fee" />
      </Form.Item>
      <Form.Item
        name="feeReceiptNumber"
        label={t('disp.pickup.receipt')}
        rules={fee ? [{ required: true, whitespace: true, message: t('disp.pickup.receiptRequired') }] : []}
        dependencies={['feeCollected']}
      >
        <Input maxLength={60} data-testid="pickup-receipt" />
      </Form.Item>
    </>
  );
}

/** The proof of delivery: who received it, as what, when (typed in Vietnam time), and a fee collected then. */
function DeliverFields() {
  const { t } = useI18n();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const validAt = {
    validator: (_: unknown, v: string | undefined) =>
      !v || parseVnDateTime(v) ? Promise.resolve() : Promise.reject(new Error(t('disp.deliver.atInvalid'))),
  };
  return (
    <>
      <Form.Item
        name="recipientName"
        label={t('disp.deliver.recipient')}
        rules={required(t('disp.deliver.recipientRequired'))}
      >
        <Input maxLength={150} data-testid="deliver-recipient" />
      </Form.Item>
      <Form.Item
        name="relation"
        label={t('disp.deliver.relation')}
        rules={required(t('disp.deliver.relationRequired'))}
      >
        <AutoComplete options={RELATIONS.map((k) => ({ value: t(k) }))} maxLength={60} data-testid="deliver-relation" />
      </Form.Item>
      <Form.Item name="deliveredAt" label={t('disp.deliver.at')} extra={t('disp.deliver.atHint')} rules={[validAt]}>
        <Input maxLength={16} style={{ width: 220 }} data-testid="deliver-at" />
      </Form.Item>
      <Form.Item name="feeCollected" label={t('disp.fee.collectedAtDelivery')}>
        <MoneyInput testId="deliver-fee" />
      </Form.Item>
    </>
  );
}

function ActionFields({ leg, action, fee }: { leg: LegView; action: ModalAction; fee: number | null | undefined }) {
  if (action === 'courier') return <CourierFields />;
  if (action === 'pickup')
    return (
      <>
        <PickupChecks leg={leg} />
        <PickupFee leg={leg} fee={fee} />
      </>
    );
  if (action === 'deliver') return <DeliverFields />;
  return <ReasonFields leg={leg} action={action} />;
}

/** One modal for every step of a leg: each action its own required fields, validated here and again by the server. */
export function LegActionModal({
  leg,
  action,
  onClose,
}: {
  leg: LegView | null;
  action: ModalAction | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const fee = Form.useWatch('feeCollected', form);
  useInitialValues(leg, action, form);
  const { busy, submit } = useSubmit(leg, action, form, onClose);
  return (
    <Modal
      open={!!leg && !!action}
      title={leg && action ? t(TITLES[action], { code: leg.requestCode }) : ''}
      okText={action ? t(`disp.action.${action}` as MessageKey) : ''}
      okButtonProps={{ danger: action === 'reject' || action === 'fail', 'data-testid': 'leg-modal-ok' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {leg && action && (
        <Form form={form} layout="vertical" name={`leg-${action}`} onFinish={(v) => void submit(v)} requiredMark>
          <ActionFields leg={leg} action={action} fee={fee} />
        </Form>
      )}
    </Modal>
  );
}
