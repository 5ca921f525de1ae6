import { useEffect, useState } from 'react';
import { CheckOutlined, PhoneOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import type { CallView, CallbackAttemptView, CallbackView } from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError, formatWait } from '../../lib/errors';
import { formatDateTime, formatPhone } from '../../lib/format';
import { invalidate } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { KEYS, useOpenCallbacks } from './calls-data';

type AttemptResult = CallbackAttemptView['result'];
const RESULTS: AttemptResult[] = ['no_answer', 'busy', 'reached', 'wrong_number'];

/** Open callbacks (oldest first), live from 'callback:updated': take one, log attempts, close with the call that reached the citizen. */
export function CallbacksCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const callbacks = useOpenCallbacks();
  const [busy, setBusy] = useState<string | null>(null);
  const [attemptFor, setAttemptFor] = useState<CallbackView | null>(null);
  const [closeFor, setCloseFor] = useState<CallbackView | null>(null);
  const [attemptForm] = Form.useForm<{ result: AttemptResult; note?: string }>();
  const [closeForm] = Form.useForm<{ notes?: string }>();

  useRealtimeEvent('callback:updated', () => invalidate(KEYS.callbacks));

  // Waiting times move on by themselves: re-render every 30 s.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const run = async (id: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await fn();
      void message.success(done);
      invalidate(KEYS.callbacks, 'calls/');
      return true;
    } catch (err) {
      void message.error(describeError(t, err));
      invalidate(KEYS.callbacks);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const items = callbacks.data ?? [];
  const mineFirst = [...items].sort((a, b) => Number(b.assigneeId === me.id) - Number(a.assigneeId === me.id));

  return (
    <Card
      title={
        <Space>
          <PhoneOutlined />
          {t('op.cb.title')}
          <Badge
            count={items.length}
            showZero
            color={items.length ? '#fa541c' : '#bfbfbf'}
            data-testid="callbacks-count"
          />
        </Space>
      }
      data-testid="callbacks"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={callbacks.loading ? '…' : t('op.cb.empty')} />
      ) : (
        <List
          size="small"
          dataSource={mineFirst}
          renderItem={(cb) => {
            const mine = cb.assigneeId === me.id;
            return (
              <List.Item
                key={cb.id}
                data-testid="callback-item"
                data-phone={cb.phone}
                actions={[
                  !mine && (
                    <Button
                      key="assign"
                      size="small"
                      icon={<UserAddOutlined />}
                      loading={busy === cb.id}
                      data-testid="callback-assign"
                      onClick={() =>
                        void run(cb.id, () => api.post(`/callbacks/${cb.id}/assign`, {}), t('op.cb.assigned'))
                      }
                    >
                      {t('op.cb.assignMe')}
                    </Button>
                  ),
                  <Button key="attempt" size="small" data-testid="callback-attempt" onClick={() => setAttemptFor(cb)}>
                    {t('op.cb.attempt')}
                  </Button>,
                  <Button
                    key="close"
                    size="small"
                    type="primary"
                    ghost
                    icon={<CheckOutlined />}
                    data-testid="callback-close"
                    onClick={() => setCloseFor(cb)}
                  >
                    {t('op.cb.close')}
                  </Button>,
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space wrap size={6}>
                      <strong>{formatPhone(cb.phone)}</strong>
                      {cb.missedCount > 1 && <Tag color="red">{t('op.cb.missed', { n: cb.missedCount })}</Tag>}
                      {mine ? (
                        <Tag color="blue">{t('op.cb.mine')}</Tag>
                      ) : cb.assigneeId ? (
                        <Tag>{t('op.cb.other')}</Tag>
                      ) : (
                        <Tag color="gold">{t('op.cb.unassigned')}</Tag>
                      )}
                    </Space>
                  }
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(cb.createdAt)} ·{' '}
                      {t('op.cb.waiting', {
                        age: formatWait(t, Math.max(0, Math.max(now, Date.now()) - Date.parse(cb.createdAt)) / 1000),
                      })}
                      {cb.attempts > 0 && ` · ${t('op.cb.attempts', { n: cb.attempts })}`}
                      {cb.lastAttemptAt && ` (${formatDateTime(cb.lastAttemptAt)})`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}

      <Modal
        open={attemptFor !== null}
        title={attemptFor ? t('op.cb.attemptTitle', { phone: formatPhone(attemptFor.phone) }) : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy !== null}
        onCancel={() => setAttemptFor(null)}
        onOk={() => attemptForm.submit()}
        afterClose={() => attemptForm.resetFields()}
        forceRender
      >
        <Form
          form={attemptForm}
          layout="vertical"
          name="callback-attempt"
          initialValues={{ result: 'no_answer' }}
          onFinish={async (v) => {
            const cb = attemptFor!;
            if (
              await run(
                cb.id,
                () => api.post(`/callbacks/${cb.id}/attempts`, { result: v.result, note: v.note?.trim() || undefined }),
                t('op.cb.attemptSaved'),
              )
            )
              setAttemptFor(null);
          }}
        >
          <Form.Item name="result" label={t('op.cb.result')}>
            <Select
              options={RESULTS.map((r) => ({ value: r, label: t(`op.cb.result.${r}` as 'op.cb.result.busy') }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('op.cb.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={closeFor !== null}
        title={closeFor ? t('op.cb.closeTitle', { phone: formatPhone(closeFor.phone) }) : ''}
        okText={t('op.cb.close')}
        cancelText={t('common.cancel')}
        confirmLoading={busy !== null}
        onCancel={() => setCloseFor(null)}
        onOk={() => closeForm.submit()}
        afterClose={() => closeForm.resetFields()}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('op.cb.closeHint')}</Typography.Paragraph>
        <Form
          form={closeForm}
          layout="vertical"
          name="callback-close"
          onFinish={async (v) => {
            const cb = closeFor!;
            const now = new Date().toISOString();
            const ok = await run(
              cb.id,
              async () => {
                // The outbound call that reached the citizen, logged by hand, then the callback closed with it.
                const call = await api.post<CallView>('/calls', {
                  direction: 'outbound',
                  channel: 'phone',
                  phone: cb.phone,
                  citizenId: cb.citizenId ?? undefined,
                  startedAt: now,
                  answeredAt: now,
                  endedAt: now,
                  notes: v.notes?.trim() || undefined,
                  outcome: 'callback_done',
                });
                await api.post(`/callbacks/${cb.id}/close`, { callId: call.id });
              },
              t('op.cb.closed'),
            );
            if (ok) setCloseFor(null);
          }}
        >
          <Form.Item name="notes" label={t('op.form.notes')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
