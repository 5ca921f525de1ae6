import { useEffect, useMemo, useState } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SlaAlertEvent, TicketView } from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useRealtimeEvent } from '../../../realtime/RealtimeProvider';
import { TicketCitizen } from '../../tickets/TicketCitizen';
import { TicketDrawer } from '../../tickets/TicketDrawer';
import {
  formatCountdown,
  riskOf,
  secondsLeft,
  sortRisks,
  type TicketRisk,
  upsertTicket,
  useAtRiskTickets,
} from './supervision-data';

const LEVEL_COLORS = { breached: 'red', warning: 'orange' } as const;
const ROW_BACKGROUND = { breached: '#fff1f0', warning: '#fff7e6' } as const;

/**
 * Tickets whose SLA is at risk: the REST list, patched by `ticket:changed` (the full ticket, sent on every warning and
 * breach) without reloading; the countdown ticks in the browser from the due instants the server gave.
 */
export function SlaRiskCard({ now }: { now: number }) {
  const { t } = useI18n();
  const { rest, live, risks, freshAt } = useSlaRisks();
  /** The ticket opened in the tickets screen's detail drawer (a click on its row). */
  const [openId, setOpenId] = useState<string | null>(null);
  const columns = useRiskColumns(now);
  const breached = risks.filter((r) => r.level === 'breached').length;
  // The newest version seen (list or socket) heads the drawer until its detail is re-read.
  const opened = openId
    ? [...live, ...(rest.data ?? [])].filter((x) => x.id === openId).sort((a, b) => b.version - a.version)[0]
    : undefined;

  return (
    <Card
      size="small"
      data-testid="sla-risk"
      title={<RiskTitle breached={breached} warning={risks.length - breached} />}
      extra={<Typography.Text type="secondary">{t('sup.sla.hint')}</Typography.Text>}
    >
      {rest.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, rest.error)} style={{ marginBottom: 8 }} />
      )}
      {risks.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={rest.loading && !rest.data ? '…' : t('sup.sla.empty')}
          data-testid="sla-risk-empty"
        />
      ) : (
        <Table<TicketRisk>
          size="small"
          rowKey={(r) => r.ticket.id}
          dataSource={risks}
          pagination={risks.length > 15 ? { pageSize: 15, size: 'small' } : false}
          onRow={(r) =>
            ({
              'data-testid': 'sla-risk-row',
              'data-ticket-id': r.ticket.id,
              'data-level': r.level,
              'data-fresh': freshAt[r.ticket.id] && now - freshAt[r.ticket.id] < 15_000 ? 'true' : 'false',
              style: { background: ROW_BACKGROUND[r.level], cursor: 'pointer' },
              onClick: () => setOpenId(r.ticket.id),
            }) as never
          }
          columns={columns}
        />
      )}
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} live={opened} />
    </Card>
  );
}

/** The at-risk list (REST, patched live), when each ticket last alerted, and a notification per SLA alert. */
function useSlaRisks() {
  const { t } = useI18n();
  const { notification } = App.useApp();
  const rest = useAtRiskTickets();
  /** Tickets seen live since the last REST answer; the newer version of each ticket wins. */
  const [live, setLive] = useState<TicketView[]>([]);
  const [freshAt, setFreshAt] = useState<Record<string, number>>({});

  // A fresh REST answer (first load, reconnect) supersedes what was patched before it: a ticket settled while the socket
  // was down must not come back from an older event.
  useEffect(() => setLive([]), [rest.data]);
  useRealtimeEvent('ticket:changed', ({ ticket }) => setLive((l) => upsertTicket(l, ticket).slice(0, 500)));
  useRealtimeEvent('ticket:sla', (a: SlaAlertEvent) => {
    setFreshAt((m) => ({ ...m, [a.ticketId]: Date.now() }));
    const text = t(a.kind === 'breach' ? 'sup.sla.alertBreach' : 'sup.sla.alertWarning', {
      code: a.code,
      target: t(`sup.sla.target.${a.target}` as MessageKey),
    });
    if (a.kind === 'breach')
      void notification.error({ key: `sla-${a.ticketId}-${a.target}`, message: text, duration: 8 });
    else void notification.warning({ key: `sla-${a.ticketId}-${a.target}`, message: text, duration: 6 });
  });

  const risks = useMemo(() => {
    let merged = rest.data ?? [];
    for (const tk of live) merged = upsertTicket(merged, tk);
    return sortRisks(merged.map(riskOf).filter((r): r is TicketRisk => r !== null));
  }, [rest.data, live]);
  return { rest, live, risks, freshAt };
}

function RiskTitle({ breached, warning }: { breached: number; warning: number }) {
  const { t } = useI18n();
  return (
    <Space>
      <AlertOutlined />
      {t('sup.sla.title')}
      <Badge
        count={breached}
        showZero
        color={breached ? '#f5222d' : '#bfbfbf'}
        title={t('sup.sla.breachedCount', { n: breached })}
        data-testid="sla-breached-count"
      />
      <Badge
        count={warning}
        showZero
        color={warning ? '#fa8c16' : '#bfbfbf'}
        title={t('sup.sla.warningCount', { n: warning })}
      />
    </Space>
  );
}

function useRiskColumns(now: number): TableColumnsType<TicketRisk> {
  const { t } = useI18n();
  return [
    { title: t('sup.sla.ticket'), key: 'ticket', render: (_, r) => <RiskTicket r={r} /> },
    {
      title: t('sup.sla.state'),
      key: 'state',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <Tag color={LEVEL_COLORS[r.level]} data-testid="sla-risk-level">
            {t(r.level === 'breached' ? 'sup.sla.breached' : 'sup.sla.warning')}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`sup.sla.target.${r.target}` as MessageKey)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('sup.sla.due'), key: 'due', render: (_, r) => <RiskDue dueAt={r.dueAt} now={now} /> },
    {
      title: t('sup.sla.priority'),
      key: 'priority',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <Tag color={r.ticket.priority === 'urgent' ? 'red' : r.ticket.priority === 'high' ? 'volcano' : 'default'}>
            {t(`sup.priority.${r.ticket.priority}` as MessageKey)}
          </Tag>
          {r.ticket.queue === 'supervisors' && <Tag color="purple">{t('sup.sla.escalated')}</Tag>}
        </Space>
      ),
    },
  ];
}

function RiskTicket({ r }: { r: TicketRisk }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong data-testid="sla-risk-code">
        {r.ticket.code}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
        {r.ticket.subject}
      </Typography.Text>
      <span style={{ fontSize: 12 }}>
        <TicketCitizen ticket={r.ticket} inline />
      </span>
    </Space>
  );
}

/** The due instant and the countdown to it (or how long it is overdue). */
function RiskDue({ dueAt, now }: { dueAt: string; now: number }) {
  const { t } = useI18n();
  const left = secondsLeft(dueAt, now);
  const days = (n: number) => t('sup.sla.days', { n });
  return (
    <Space orientation="vertical" size={0}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(dueAt)}</span>
      <Typography.Text
        type={left < 0 ? 'danger' : 'warning'}
        strong
        data-testid="sla-risk-countdown"
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {t(left < 0 ? 'sup.sla.overdueBy' : 'sup.sla.dueIn', { time: formatCountdown(left, days) })}
      </Typography.Text>
    </Space>
  );
}
