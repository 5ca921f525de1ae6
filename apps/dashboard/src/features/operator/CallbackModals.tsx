import { Form, Input, Modal, Select, Typography } from 'antd';
import type { CallView, CallbackAttemptView, CallbackView } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { formatPhone } from '../../lib/format';

type AttemptResult = CallbackAttemptView['result'];
const RESULTS: AttemptResult[] = ['no_answer', 'busy', 'reached', 'wrong_number'];

/** Runs one action on a callback (toasts, refreshes); resolves true when it succeeded. */
export type RunCallbackAction = (id: string, fn: () => Promise<unknown>, done: string) => Promise<boolean>;

interface ModalProps {
  callback: CallbackView | null;
  busy: boolean;
  run: RunCallbackAction;
  onClose: () => void;
}

/** "Gọi lại": one attempt to reach the citizen (no answer, busy...), the task stays open. */
export function AttemptModal({ callback, busy, run, onClose }: ModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ result: AttemptResult; note?: string }>();
  const save = async (v: { result: AttemptResult; note?: string }) => {
    const cb = callback!;
    const body = { result: v.result, note: v.note?.trim() || undefined };
    if (await run(cb.id, () => api.post(`/callbacks/${cb.id}/attempts`, body), t('op.cb.attemptSaved'))) onClose();
  };
  return (
    <Modal
      open={callback !== null}
      title={callback ? t('op.cb.attemptTitle', { phone: formatPhone(callback.phone) }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        name="callback-attempt"
        initialValues={{ result: 'no_answer' }}
        onFinish={save}
      >
        <Form.Item name="result" label={t('op.cb.result')}>
          <Select options={RESULTS.map((r) => ({ value: r, label: t(`op.cb.result.${r}` as 'op.cb.result.busy') }))} />
        </Form.Item>
        <Form.Item name="note" label={t('op.cb.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The outbound call that reached the citizen, logged by hand, then the callback closed with it. */
async function closeWithCall(cb: CallbackView, notes: string | undefined): Promise<void> {
  const now = new Date().toISOString();
  const call = await api.post<CallView>('/calls', {
    direction: 'outbound',
    channel: 'phone',
    phone: cb.phone,
    citizenId: cb.citizenId ?? undefined,
    startedAt: now,
    answeredAt: now,
    endedAt: now,
    notes: notes?.trim() || undefined,
    outcome: 'callback_done',
  });
  await api.post(`/callbacks/${cb.id}/close`, { callId: call.id });
}

/** "Đã gọi được": closes the task with the call that reached the citizen. */
export function CloseModal({ callback, busy, run, onClose }: ModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ notes?: string }>();
  const save = async (v: { notes?: string }) => {
    const cb = callback!;
    if (await run(cb.id, () => closeWithCall(cb, v.notes), t('op.cb.closed'))) onClose();
  };
  return (
    <Modal
      open={callback !== null}
      title={callback ? t('op.cb.closeTitle', { phone: formatPhone(callback.phone) }) : ''}
      okText={t('op.cb.close')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('op.cb.closeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="callback-close" onFinish={save}>
        <Form.Item name="notes" label={t('op.form.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
