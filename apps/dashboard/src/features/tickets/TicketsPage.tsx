import { useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { TICKET_KINDS, TICKET_STATUSES, type TicketKind, type TicketStatus, type TicketView } from '@hotline/contracts';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { PagerControls } from '../../components/PagerControls';
import { type MessageKey, useT } from '../../i18n/i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/pages';
import { CreateTicketModal } from './CreateTicketModal';
import { SlaCountdown } from './SlaCountdown';
import { TicketCitizen } from './TicketCitizen';
import { TicketDrawer } from './TicketDrawer';
import { useLiveTickets } from './useLiveTickets';
import { kindKey, priorityKey, PRIORITY_COLORS, statusKey, STATUS_COLORS, type TicketFilter } from './tickets-data';

type T = ReturnType<typeof useT>;

/** Code, subject (kind and citizen under it), priority, status. */
function caseColumns(t: T): TableColumnsType<TicketView> {
  return [
    { key: 'code', title: t('tickets.field.code'), width: 145, render: (_, r) => <strong>{r.code}</strong> },
    {
      key: 'subject',
      title: t('tickets.field.subject'),
      ellipsis: true,
      render: (_, r) => (
        <>
          <Space size={4} wrap={false}>
            <Tag>{t(kindKey(r.kind))}</Tag>
            <span>{r.subject}</span>
          </Space>
          <div style={{ fontSize: 12 }}>
            <TicketCitizen ticket={r} inline />
          </div>
        </>
      ),
    },
    {
      key: 'priority',
      title: t('tickets.field.priority'),
      width: 110,
      render: (_, r) => (
        <Tag
          color={PRIORITY_COLORS[r.priority]}
          title={r.priorityRaisedForRemoteArea ? t('tickets.remoteRaised') : undefined}
        >
          {t(priorityKey(r.priority))}
          {r.priorityRaisedForRemoteArea ? ' ▲' : ''}
        </Tag>
      ),
    },
    {
      key: 'status',
      title: t('tickets.field.status'),
      width: 130,
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(statusKey(r.status))}</Tag>,
    },
  ];
}

/** The two countdowns (ticking in the browser from the api's instants) and the receipt. */
function slaColumns(t: T): TableColumnsType<TicketView> {
  return [
    {
      key: 'fr',
      title: t('tickets.sla.target.firstResponse'),
      width: 150,
      render: (_, r) => <SlaCountdown name="firstResponse" target={r.sla.firstResponse} showName={false} />,
    },
    {
      key: 'res',
      title: t('tickets.sla.target.resolution'),
      width: 175,
      render: (_, r) => <SlaCountdown name="resolution" target={r.sla.resolution} showName={false} />,
    },
    {
      key: 'received',
      title: t('tickets.detail.received'),
      width: 135,
      render: (_, r) => <Typography.Text type="secondary">{formatDateTime(r.receivedAt)}</Typography.Text>,
    },
  ];
}

interface ToolbarProps {
  status?: TicketStatus;
  kind?: TicketKind;
  onStatus: (s: TicketStatus | undefined) => void;
  onKind: (k: TicketKind | undefined) => void;
  onSearch: (q: string) => void;
  onReload: () => void;
}

/** Search (code, phone, name, subject words: the api's `q`), status and kind filters, reload. */
function TicketsToolbar(p: ToolbarProps) {
  const t = useT();
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder={t('tickets.search')}
        style={{ width: 300 }}
        onSearch={(v) => p.onSearch(v.trim())}
        data-testid="tickets-search"
      />
      <Select<TicketStatus>
        allowClear
        placeholder={t('tickets.field.status')}
        style={{ width: 170 }}
        value={p.status}
        onChange={p.onStatus}
        options={TICKET_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
        data-testid="tickets-status-filter"
      />
      <Select<TicketKind>
        allowClear
        placeholder={t('tickets.field.kind')}
        style={{ width: 190 }}
        value={p.kind}
        onChange={p.onKind}
        options={TICKET_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
        data-testid="tickets-kind-filter"
      />
      <Button icon={<ReloadOutlined />} onClick={p.onReload} title={t('common.reload')} />
    </Space>
  );
}

function useFilterOptions(supervisor: boolean): Array<{ value: TicketFilter; label: string }> {
  const t = useT();
  return [
    { value: 'mine', label: t('tickets.filter.mine') },
    { value: 'all', label: t('tickets.filter.all') },
    ...(supervisor
      ? [
          { value: 'supervisorQueue' as const, label: t('tickets.filter.supervisorQueue') },
          { value: 'atRisk' as const, label: t('tickets.filter.atRisk') },
        ]
      : []),
  ];
}

/** The list's query (filter, status, kind, search) and its page; any change of the query goes back to the first page. */
function useTicketsQuery(initial: TicketFilter) {
  const [filter, setFilter] = useState<TicketFilter>(initial);
  const [status, setStatus] = useState<TicketStatus | undefined>();
  const [kind, setKind] = useState<TicketKind | undefined>();
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const refilter =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      pages.reset();
    };
  return {
    filter,
    status,
    kind,
    search,
    pages,
    setFilter: refilter(setFilter),
    setStatus: refilter(setStatus),
    setKind: refilter(setKind),
    setSearch: refilter(setSearch),
  };
}

/** A row opens its ticket; its test ids and status let the browser tests find it. */
const rowProps = (r: TicketView, onOpen: (id: string) => void) =>
  ({
    onClick: () => onOpen(r.id),
    style: { cursor: 'pointer' },
    'data-testid': 'ticket-row',
    'data-ticket-id': r.id,
    'data-status': r.status,
  }) as never;

/** The list: filter tabs, toolbar, the page's rows and the pager. */
function TicketsListCard({
  q,
  list,
  filters,
  empty,
  onOpen,
}: {
  q: ReturnType<typeof useTicketsQuery>;
  list: ReturnType<typeof useLiveTickets>;
  filters: Array<{ value: TicketFilter; label: string }>;
  empty: MessageKey;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  return (
    <Card
      data-testid="tickets-list"
      title={
        <Segmented<TicketFilter>
          value={q.filter}
          onChange={q.setFilter}
          options={filters}
          data-testid="tickets-filter"
        />
      }
      extra={
        <TicketsToolbar
          {...{ status: q.status, kind: q.kind, onStatus: q.setStatus, onKind: q.setKind, onSearch: q.setSearch }}
          onReload={list.reload}
        />
      }
    >
      {list.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, list.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<TicketView>
        size="small"
        rowKey="id"
        dataSource={list.rows}
        loading={list.loading && !list.data}
        pagination={false}
        locale={{ emptyText: t(empty) }}
        onRow={(r) => rowProps(r, onOpen)}
        columns={[...caseColumns(t), ...slaColumns(t)]}
      />
      <PagerControls
        pageIndex={q.pages.pageIndex}
        hasNext={!!list.nextCursor}
        onPrev={q.pages.prev}
        onNext={() => q.pages.next(list.nextCursor)}
      />
    </Card>
  );
}

/**
 * "Phiếu của tôi" and, for supervisors, every ticket, their queue and the ones at risk, a page at a time, searchable. SLA
 * countdowns tick in the browser from the due instants of the api; `ticket:changed` events update rows in place and add or
 * drop tickets live on the first page.
 */
export default function TicketsPage() {
  const t = useT();
  const me = useCurrentUser();
  const filters = useFilterOptions(me.role === 'supervisor' || me.role === 'admin');
  const q = useTicketsQuery(me.role === 'admin' ? 'all' : 'mine');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = useLiveTickets({
    filter: q.filter,
    me: me.id,
    status: q.status,
    kind: q.kind,
    q: q.search,
    cursor: q.pages.cursor,
  });
  const openId = params.get('ticket');
  const open = (id: string | null) => setParams(id ? { ticket: id } : {}, { replace: true });
  const empty: MessageKey = q.search
    ? 'tickets.emptySearch'
    : q.filter === 'mine'
      ? 'tickets.emptyMine'
      : 'tickets.empty';
  return (
    <>
      <PageHeader
        title={t('tickets.nav')}
        subtitle={t('tickets.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="tickets-create">
            {t('tickets.create')}
          </Button>
        }
      />
      <TicketsListCard q={q} list={list} filters={filters} empty={empty} onOpen={open} />
      <TicketDrawer ticketId={openId} onClose={() => open(null)} live={openId ? list.live[openId] : undefined} />
      <CreateTicketModal
        open={creating}
        source={{}}
        onClose={() => setCreating(false)}
        onCreated={(tk) => {
          setCreating(false);
          list.remember(tk);
          open(tk.id);
        }}
      />
    </>
  );
}
