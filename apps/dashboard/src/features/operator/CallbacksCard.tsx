import { useCallback, useEffect, useState } from 'react';
import { CheckOutlined, PhoneOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { CallbackView } from '@hotline/contracts';
import { CALLBACK_MACHINE } from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError, formatWait } from '../../lib/errors';
import { formatDateTime, formatPhone } from '../../lib/format';
import { invalidate } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { KEYS, useOpenCallbacks } from './calls-data';
import { AttemptModal, CloseModal, type RunCallbackAction } from './CallbackModals';

/** Re-renders every 30 s: waiting times move on by themselves. */
function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** One action at a time per task, with its toast; the list is read again either way. */
function useCallbackAction(): { busy: string | null; run: RunCallbackAction } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback<RunCallbackAction>(
    async (id, fn, done) => {
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
    },
    [message, t],
  );
  return { busy, run };
}

interface ItemProps {
  cb: CallbackView;
  mine: boolean;
  now: number;
  busy: boolean;
  onAssign: () => void;
  onAttempt: () => void;
  onClose: () => void;
}

function CallbackTitle({ cb, mine }: Pick<ItemProps, 'cb' | 'mine'>) {
  const { t } = useI18n();
  return (
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
  );
}

/** A task and what can be done with it: the callback machine says which moves an open task offers. */
function CallbackItem({ cb, mine, now, busy, onAssign, onAttempt, onClose }: ItemProps) {
  const { t } = useI18n();
  const workable = CALLBACK_MACHINE.is('workable', cb.state);
  const actions = [
    workable && !mine && (
      <Button
        key="assign"
        size="small"
        icon={<UserAddOutlined />}
        loading={busy}
        data-testid="callback-assign"
        onClick={onAssign}
      >
        {t('op.cb.assignMe')}
      </Button>
    ),
    workable && (
      <Button key="attempt" size="small" data-testid="callback-attempt" onClick={onAttempt}>
        {t('op.cb.attempt')}
      </Button>
    ),
    CALLBACK_MACHINE.can(cb.state, 'done') && (
      <Button
        key="close"
        size="small"
        type="primary"
        ghost
        icon={<CheckOutlined />}
        data-testid="callback-close"
        onClick={onClose}
      >
        {t('op.cb.close')}
      </Button>
    ),
  ].filter(Boolean);
  const age = formatWait(t, Math.max(0, Math.max(now, Date.now()) - Date.parse(cb.createdAt)) / 1000);
  return (
    <List.Item key={cb.id} data-testid="callback-item" data-phone={cb.phone} actions={actions}>
      <List.Item.Meta
        title={<CallbackTitle cb={cb} mine={mine} />}
        description={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(cb.createdAt)} · {t('op.cb.waiting', { age })}
            {cb.attempts > 0 && ` · ${t('op.cb.attempts', { n: cb.attempts })}`}
            {cb.lastAttemptAt && ` (${formatDateTime(cb.lastAttemptAt)})`}
          </Typography.Text>
        }
      />
    </List.Item>
  );
}

/** Open callbacks (oldest first), live from 'callback:updated': take one, log attempts, close with the call that reached the citizen. */
export function CallbacksCard() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const callbacks = useOpenCallbacks();
  const { busy, run } = useCallbackAction();
  const [attemptFor, setAttemptFor] = useState<CallbackView | null>(null);
  const [closeFor, setCloseFor] = useState<CallbackView | null>(null);
  const now = useTick(30_000);
  useRealtimeEvent('callback:updated', () => invalidate(KEYS.callbacks));

  const items = callbacks.data ?? [];
  const mineFirst = [...items].sort((a, b) => Number(b.assigneeId === me.id) - Number(a.assigneeId === me.id));
  const assign = (cb: CallbackView) =>
    void run(cb.id, () => api.post(`/callbacks/${cb.id}/assign`, {}), t('op.cb.assigned'));
  const title = (
    <Space>
      <PhoneOutlined />
      {t('op.cb.title')}
      <Badge count={items.length} showZero color={items.length ? '#fa541c' : '#bfbfbf'} data-testid="callbacks-count" />
    </Space>
  );

  return (
    <Card title={title} data-testid="callbacks">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={callbacks.loading ? '…' : t('op.cb.empty')} />
      ) : (
        <List
          size="small"
          dataSource={mineFirst}
          renderItem={(cb) => (
            <CallbackItem
              cb={cb}
              mine={cb.assigneeId === me.id}
              now={now}
              busy={busy === cb.id}
              onAssign={() => assign(cb)}
              onAttempt={() => setAttemptFor(cb)}
              onClose={() => setCloseFor(cb)}
            />
          )}
        />
      )}
      <AttemptModal callback={attemptFor} busy={busy !== null} run={run} onClose={() => setAttemptFor(null)} />
      <CloseModal callback={closeFor} busy={busy !== null} run={run} onClose={() => setCloseFor(null)} />
    </Card>
  );
}
