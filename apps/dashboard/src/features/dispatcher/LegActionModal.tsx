import { useEffect, useState } from 'react';
import { AutoComplete, App, Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const fee = Form.useWatch('feeCollected', form);

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

  const submit = async (v: Values) => {
    if (!leg || !action) return;
    const path = `/bcci-legs/${leg.id}`;
    const calls: Record<ModalAction, () => Promise<unknown>> = {
      reject: () => api.post(`${path}/reject`, { reason: v.reason!.trim() }),
      courier: () => api.post(`${path}/courier`, { courierName: v.courierName!.trim() }),
      pickup: () =>
        api.post(`${path}/pickup`, {
          checklist: {
            missingDocuments: (v.missingDocuments ?? []).map((d) => d.trim()).filter(Boolean),
            slipSignedByBoth: !!v.slipSignedByBoth,
            sealedInFrontOfCitizen: !!v.sealedInFrontOfCitizen,
            feeReceiptNumber: v.feeReceiptNumber?.trim() || undefined,
          },
          feeCollected: v.feeCollected ?? undefined,
        }),
      deliver: () =>
        api.post(`${path}/deliver`, {
          recipientName: v.recipientName!.trim(),
          relation: v.relation!.trim(),
          deliveredAt: v.deliveredAt ? parseVnDateTime(v.deliveredAt)! : undefined,
          feeCollected: v.feeCollected ?? undefined,
        }),
      fail: () => api.post(`${path}/fail`, { reason: v.reason!.trim() }),
      return: () => api.post(`${path}/return-to-agency`, { reason: v.reason!.trim() }),
    };
    setBusy(true);
    try {
      await calls[action]();
      void message.success(t(`disp.done.${action}` as MessageKey, { code: leg.requestCode }));
      onClose();
    } catch (err) {
      const field = errorField(err);
      const name = field?.replace(/^checklist\./, '');
      if (name && form.getFieldInstance(name as never) !== undefined)
        form.setFields([{ name: name as never, errors: [describeError(t, err)] }]);
      void message.error(describeError(t, err));
    } finally {
      setBusy(false);
      invalidate('bcci-legs/', KEYS.unremitted);
    }
  };

  const reasonRequired = [
    { required: true, whitespace: true, message: t('disp.reasonRequired') },
    { min: 3, message: t('disp.reasonRequired') },
  ];

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
          {(action === 'reject' || action === 'fail' || action === 'return') && (
            <>
              {action === 'return' && (
                <Typography.Paragraph type="secondary">
                  {t('disp.return.hint', { n: leg.failedAttempts })}
                </Typography.Paragraph>
              )}
              <Form.Item name="reason" label={t('disp.reason')} rules={reasonRequired}>
                <Input.TextArea rows={3} maxLength={500} showCount data-testid="leg-reason" />
              </Form.Item>
            </>
          )}
          {action === 'courier' && (
            <Form.Item
              name="courierName"
              label={t('disp.courier.name')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('disp.courier.required') }]}
            >
              <Input maxLength={150} data-testid="courier-name" />
            </Form.Item>
          )}
          {action === 'pickup' && (
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
              <Form.Item
                name="slipSignedByBoth"
                valuePropName="checked"
                rules={[
                  {
                    validator: (_, v) =>
                      v ? Promise.resolve() : Promise.reject(new Error(t('disp.pickup.slipRequired'))),
                  },
                ]}
              >
                <Checkbox data-testid="pickup-slip">{t('disp.pickup.slip')}</Checkbox>
              </Form.Item>
              <Form.Item
                name="sealedInFrontOfCitizen"
                valuePropName="checked"
                rules={
                  leg.kind === 'pickup'
                    ? [
                        {
                          validator: (_, v) =>
                            v ? Promise.resolve() : Promise.reject(new Error(t('disp.pickup.sealRequired'))),
                        },
                      ]
                    : []
                }
              >
                <Checkbox data-testid="pickup-sealed">{t('disp.pickup.sealed')}</Checkbox>
              </Form.Item>
              <Form.Item
                name="feeCollected"
                label={t('disp.fee.collected')}
                extra={leg.feeExpected ? t('disp.fee.expected', { amount: formatMoney(leg.feeExpected) }) : undefined}
              >
                <InputNumber<number>
                  min={0}
                  step={1000}
                  precision={0}
                  style={{ width: 220 }}
                  suffix="₫"
                  data-testid="pickup-fee"
                />
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
          )}
          {action === 'deliver' && (
            <>
              <Form.Item
                name="recipientName"
                label={t('disp.deliver.recipient')}
                rules={[{ required: true, whitespace: true, message: t('disp.deliver.recipientRequired') }]}
              >
                <Input maxLength={150} data-testid="deliver-recipient" />
              </Form.Item>
              <Form.Item
                name="relation"
                label={t('disp.deliver.relation')}
                rules={[{ required: true, whitespace: true, message: t('disp.deliver.relationRequired') }]}
              >
                <AutoComplete
                  options={RELATIONS.map((k) => ({ value: t(k) }))}
                  maxLength={60}
                  data-testid="deliver-relation"
                />
              </Form.Item>
              <Form.Item
                name="deliveredAt"
                label={t('disp.deliver.at')}
                extra={t('disp.deliver.atHint')}
                rules={[
                  {
                    validator: (_, v: string | undefined) =>
                      !v || parseVnDateTime(v)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('disp.deliver.atInvalid'))),
                  },
                ]}
              >
                <Input maxLength={16} style={{ width: 220 }} data-testid="deliver-at" />
              </Form.Item>
              <Form.Item name="feeCollected" label={t('disp.fee.collectedAtDelivery')}>
                <InputNumber<number>
                  min={0}
                  step={1000}
                  precision={0}
                  style={{ width: 220 }}
                  suffix="₫"
                  data-testid="deliver-fee"
                />
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
