import { useEffect, useMemo, useState } from 'react';
import { PhoneOutlined, RollbackOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Empty, Space, Statistic, Table, Tag, Typography, Row, Col } from 'antd';
import type { TableColumnsType } from 'antd';
import type {
  CallView,
  CallbackView,
  OperatorStatus,
  OperatorStatusCause,
  OperatorStatusRow,
  OperatorStatusView,
} from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { describeError, formatWait } from '../../../lib/errors';
import { formatDateTime, formatPhone, formatTime } from '../../../lib/format';
import { invalidate } from '../../../lib/resource';
import { useRealtimeEvent } from '../../../realtime/RealtimeProvider';
import { clock } from '../../operator/console-time';
import {
  applyCall,
  applyStatus,
  sortStatuses,
  SUP_KEYS,
  type CallbackBacklog,
  useCallbackBacklog,
  useLiveCalls,
  useOperatorStatuses,
  useWaitingCallbacks,
} from './supervision-data';

type Translate = ReturnType<typeof useI18n>['t'];

const STATUS_COLORS: Record<OperatorStatus, string> = {
  available: 'green',
  on_call: 'red',
  wrap_up: 'gold',
  break: 'default',
  offline: 'default',
};

/** Causes the server records by itself are shown in words; an operator's own reason (for a break) as typed. */
const CAUSES: Partial<Record<OperatorStatusCause | string, MessageKey>> = {
  'cti:answer': 'sup.ops.cause.answer',
  'cti:hangup': 'sup.ops.cause.hangup',
  wrap_up_timer: 'sup.ops.cause.wrapUpTimer',
  'presence:online': 'sup.ops.cause.online',
  'presence:offline': 'sup.ops.cause.offline',
};
function reasonText(t: (k: MessageKey) => string, reason: string | null): string {
  if (!reason) return '';
  const key = CAUSES[reason];
  return key ? t(key) : reason;
}

const HOUR = 3600;

/** Names of operators from the status board (the only staff directory a supervisor may read). */
export function useOperatorNames(): Map<string, string> {
  const statuses = useOperatorStatuses();
  return useMemo(
    () => new Map((statuses.data ?? []).filter((s) => s.fullName).map((s) => [s.userId, s.fullName!])),
    [statuses.data],
  );
}

/** The live board's calls: the REST list patched by `call:updated` (a fresh REST answer supersedes older events). */
function useLiveCallList() {
  const rest = useLiveCalls();
  const [live, setLive] = useState<CallView[]>([]);
  // A call that ended while the socket was down must not ring again.
  useEffect(() => setLive([]), [rest.data]);
  useRealtimeEvent('call:updated', (c) => setLive((l) => [c, ...l.filter((x) => x.id !== c.id)].slice(0, 300)));
  const calls = useMemo(() => {
    let list = rest.data ?? [];
    for (const c of [...live].reverse()) list = applyCall(list, c);
    return list;
  }, [rest.data, live]);
  return { calls, error: rest.error };
}

function liveCallColumns(t: Translate, names: Map<string, string>, now: number): TableColumnsType<CallView> {
  return [
    {
      title: t('sup.calls.phone'),
      key: 'phone',
      render: (_, c) => (c.withheld ? t('sup.calls.withheld') : formatPhone(c.phone)),
    },
    {
      title: t('sup.calls.state'),
      key: 'state',
      render: (_, c) => (
        <Tag color={c.state === 'ringing' ? 'volcano' : 'blue'}>
          {t(c.state === 'ringing' ? 'sup.calls.stateRinging' : 'sup.calls.stateAnswered')}
        </Tag>
      ),
    },
    {
      title: t('sup.calls.operator'),
      key: 'operator',
      render: (_, c) => (c.operatorId ? (names.get(c.operatorId) ?? c.extension ?? '—') : (c.extension ?? '—')),
    },
    { title: t('sup.calls.started'), key: 'started', render: (_, c) => formatTime(c.startedAt) },
    {
      title: t('sup.calls.duration'),
      key: 'duration',
      render: (_, c) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="live-call-duration">
          {clock((now - Date.parse(c.answeredAt ?? c.startedAt)) / 1000)}
        </span>
      ),
    },
  ];
}

/** Calls ringing or in progress, patched live by `call:updated`. */
export function LiveCallsCard({ now }: { now: number }) {
  const { t } = useI18n();
  const { calls, error } = useLiveCallList();
  const names = useOperatorNames();
  const ringing = calls.filter((c) => c.state === 'ringing').length;
  const title = (
    <Space>
      <PhoneOutlined />
      {t('sup.calls.title')}
      <Badge
        count={calls.length}
        showZero
        color={calls.length ? '#1677ff' : '#bfbfbf'}
        data-testid="live-calls-count"
      />
    </Space>
  );
  return (
    <Card
      size="small"
      data-testid="live-calls"
      title={title}
      extra={ringing > 0 && <Tag color="volcano">{t('sup.calls.ringing', { n: ringing })}</Tag>}
    >
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 8 }} />
      )}
      {calls.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sup.calls.empty')} />
      ) : (
        <Table<CallView>
          size="small"
          rowKey="id"
          dataSource={calls}
          pagination={calls.length > 10 ? { pageSize: 10, size: 'small' } : false}
          onRow={(c) => ({ 'data-testid': 'live-call-row', 'data-call-id': c.id, 'data-state': c.state }) as never}
          columns={liveCallColumns(t, names, now)}
        />
      )}
    </Card>
  );
}

function BacklogStats({ b }: { b: CallbackBacklog }) {
  const { t } = useI18n();
  return (
    <Row gutter={8} style={{ marginBottom: 8 }}>
      <Col span={6}>
        <Statistic title={t('sup.cb.unassigned')} value={b.unassigned} />
      </Col>
      <Col span={6}>
        <Statistic title={t('sup.cb.under1h')} value={b.byAge.under15m + b.byAge.from15mTo1h} />
      </Col>
      <Col span={6}>
        <Statistic title={t('sup.cb.from1hTo4h')} value={b.byAge.from1hTo4h} />
      </Col>
      <Col span={6}>
        <Statistic
          title={t('sup.cb.over4h')}
          value={b.byAge.over4h}
          valueStyle={b.byAge.over4h ? { color: '#cf1322' } : undefined}
        />
      </Col>
    </Row>
  );
}

function callbackColumns(t: Translate, names: Map<string, string>, now: number): TableColumnsType<CallbackView> {
  return [
    { title: t('sup.calls.phone'), key: 'phone', render: (_, c) => formatPhone(c.phone) },
    { title: t('sup.cb.missed'), key: 'missed', render: (_, c) => c.missedCount },
    {
      title: t('sup.cb.age'),
      key: 'age',
      render: (_, c) => {
        const age = Math.max(0, (now - Date.parse(c.createdAt)) / 1000);
        return (
          <Typography.Text type={age > 4 * HOUR ? 'danger' : age > HOUR ? 'warning' : undefined}>
            {formatWait(t, age)}
          </Typography.Text>
        );
      },
    },
    {
      title: t('sup.cb.assignee'),
      key: 'assignee',
      render: (_, c) =>
        c.assigneeId ? (names.get(c.assigneeId) ?? t('sup.cb.assigned')) : <Tag>{t('sup.cb.nobody')}</Tag>,
    },
    {
      title: t('sup.cb.attempts'),
      key: 'attempts',
      render: (_, c) => (c.attempts ? `${c.attempts} · ${formatTime(c.lastAttemptAt)}` : '0'),
    },
  ];
}

/** Open callbacks, oldest first, with their age (ticking) and the backlog's age buckets. */
export function CallbacksWaitingCard({ now }: { now: number }) {
  const { t } = useI18n();
  const callbacks = useWaitingCallbacks();
  const backlog = useCallbackBacklog();
  const names = useOperatorNames();
  useRealtimeEvent('callback:updated', () => invalidate(SUP_KEYS.callbacks, SUP_KEYS.backlog));
  const items = callbacks.data ?? [];
  const b = backlog.data;
  const error = callbacks.error ?? backlog.error;
  const open = b?.open ?? items.length;
  const title = (
    <Space>
      <RollbackOutlined />
      {t('sup.cb.title')}
      <Badge count={open} showZero color={open ? '#fa8c16' : '#bfbfbf'} />
    </Space>
  );
  return (
    <Card size="small" data-testid="callbacks-waiting" title={title}>
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 8 }} />
      )}
      {b && <BacklogStats b={b} />}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sup.cb.empty')} />
      ) : (
        <Table<CallbackView>
          size="small"
          rowKey="id"
          dataSource={items}
          pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
          onRow={(c) => ({ 'data-testid': 'callback-row', 'data-callback-id': c.id }) as never}
          columns={callbackColumns(t, names, now)}
        />
      )}
    </Card>
  );
}

/** The operator board: the REST rows (with names) patched by `operator:status` (older versions ignored). */
function useOperatorRows() {
  const rest = useOperatorStatuses();
  const [live, setLive] = useState<OperatorStatusView[]>([]);
  useRealtimeEvent('operator:status', (s) => {
    setLive((l) => applyStatus(l, s));
    // Someone the board does not know yet (first login): fetch names again.
    if (rest.data && !rest.data.some((r) => r.userId === s.userId)) invalidate(SUP_KEYS.statuses);
  });
  const rows = useMemo(() => {
    let list: OperatorStatusView[] = rest.data ?? [];
    for (const s of live) list = applyStatus(list, s);
    const byId = new Map((rest.data ?? []).map((r) => [r.userId, r]));
    return sortStatuses(list).map((s): OperatorStatusRow => ({
      ...s,
      fullName: byId.get(s.userId)?.fullName ?? null,
      extension: byId.get(s.userId)?.extension ?? null,
    }));
  }, [rest.data, live]);
  return { rows, error: rest.error };
}

function operatorColumns(t: Translate, now: number): TableColumnsType<OperatorStatusRow> {
  return [
    {
      title: t('sup.ops.name'),
      key: 'name',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.fullName ?? t('sup.ops.unknown')}</span>
          {r.extension && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sup.ops.extension', { ext: r.extension })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('sup.ops.status'),
      key: 'status',
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`op.status.${r.status}` as MessageKey)}</Tag>,
    },
    {
      title: t('sup.ops.since'),
      key: 'since',
      render: (_, r) =>
        r.version > 0 ? (
          <Space orientation="vertical" size={0}>
            <span>{formatDateTime(r.since)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sup.ops.for', { time: formatWait(t, Math.max(0, (now - Date.parse(r.since)) / 1000)) })}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('sup.ops.reason'), key: 'reason', render: (_, r) => reasonText(t, r.reason) },
  ];
}

/** Every operator's status since when, patched live by `operator:status`. */
export function OperatorsCard({ now }: { now: number }) {
  const { t } = useI18n();
  const { rows, error } = useOperatorRows();
  const count = (status: OperatorStatus) => rows.filter((r) => r.status === status).length;
  const title = (
    <Space>
      <TeamOutlined />
      {t('sup.ops.title')}
    </Space>
  );
  return (
    <Card size="small" data-testid="operators" title={title}>
      <Space size={4} wrap style={{ marginBottom: 8 }} data-testid="operators-summary">
        {(['available', 'on_call', 'wrap_up', 'break'] as const).map((s) => (
          <Tag key={s} color={STATUS_COLORS[s]}>
            {t(`op.status.${s}` as MessageKey)}: {count(s)}
          </Tag>
        ))}
      </Space>
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 8 }} />
      )}
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sup.ops.empty')} />
      ) : (
        <Table<OperatorStatusRow>
          size="small"
          rowKey="userId"
          dataSource={rows}
          pagination={rows.length > 12 ? { pageSize: 12, size: 'small' } : false}
          onRow={(r) => ({ 'data-testid': 'operator-row', 'data-user-id': r.userId, 'data-status': r.status }) as never}
          columns={operatorColumns(t, now)}
        />
      )}
    </Card>
  );
}
