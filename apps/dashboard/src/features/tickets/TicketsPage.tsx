import { useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { TICKET_KINDS, TICKET_STATUSES, type TicketKind, type TicketStatus, type TicketView } from '@hotline/contracts';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { PagerControls } from '../../components/PagerControls';
import { useI18n } from '../../i18n/i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/pages';
import { CreateTicketModal } from './CreateTicketModal';
import { SlaCountdown } from './SlaCountdown';
import { TicketCitizen } from './TicketCitizen';
import { TicketDrawer } from './TicketDrawer';
import { useLiveTickets } from './useLiveTickets';
import { kindKey, priorityKey, PRIORITY_COLORS, statusKey, STATUS_COLORS, type TicketFilter } from './tickets-data';

/**
 * "Phiếu của tôi" and, for supervisors, every ticket, their queue and the ones at risk. SLA countdowns tick in the browser
 * from the due instants of the api; `ticket:changed` events update rows in place and add or drop tickets live.
 */
export default function TicketsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const supervisor = me.role === 'supervisor' || me.role === 'admin';
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<TicketFilter>(me.role === 'admin' ? 'all' : 'mine');
  const [status, setStatus] = useState<TicketStatus | undefined>();
  const [kind, setKind] = useState<TicketKind | undefined>();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const pages = useCursorPages();
  const list = useLiveTickets({ filter, me: me.id, status, kind, q: search, cursor: pages.cursor });
  /** A filter changed: back to the first page. */
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      pages.reset();
    };
  const rows = list.rows;
  const openId = params.get('ticket');
  const open = (id: string | null) => setParams(id ? { ticket: id } : {}, { replace: true });

  const filters: Array<{ value: TicketFilter; label: string }> = [
    { value: 'mine', label: t('tickets.filter.mine') },
    { value: 'all', label: t('tickets.filter.all') },
    ...(supervisor
      ? [
          { value: 'supervisorQueue' as const, label: t('tickets.filter.supervisorQueue') },
          { value: 'atRisk' as const, label: t('tickets.filter.atRisk') },
        ]
      : []),
  ];

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
      <Card
        data-testid="tickets-list"
        title={
          <Segmented<TicketFilter>
            value={filter}
            onChange={refilter(setFilter)}
            options={filters}
            data-testid="tickets-filter"
          />
        }
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('tickets.search')}
              style={{ width: 300 }}
              onSearch={refilter((v: string) => setSearch(v.trim()))}
              data-testid="tickets-search"
            />
            <Select<TicketStatus>
              allowClear
              placeholder={t('tickets.field.status')}
              style={{ width: 170 }}
              value={status}
              onChange={refilter(setStatus)}
              options={TICKET_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
              data-testid="tickets-status-filter"
            />
            <Select<TicketKind>
              allowClear
              placeholder={t('tickets.field.kind')}
              style={{ width: 190 }}
              value={kind}
              onChange={refilter(setKind)}
              options={TICKET_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
              data-testid="tickets-kind-filter"
            />
            <Button icon={<ReloadOutlined />} onClick={list.reload} title={t('common.reload')} />
          </Space>
        }
      >
        {list.error !== undefined && (
          <Alert type="error" showIcon title={describeError(t, list.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<TicketView>
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={list.loading && !list.data}
          pagination={false}
          locale={{
            emptyText: t(search ? 'tickets.emptySearch' : filter === 'mine' ? 'tickets.emptyMine' : 'tickets.empty'),
          }}
          onRow={(r) =>
            ({
              onClick: () => open(r.id),
              style: { cursor: 'pointer' },
              'data-testid': 'ticket-row',
              'data-ticket-id': r.id,
              'data-status': r.status,
            }) as never
          }
          columns={[
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
          ]}
        />
        <PagerControls
          pageIndex={pages.pageIndex}
          hasNext={!!list.nextCursor}
          onPrev={pages.prev}
          onNext={() => pages.next(list.nextCursor)}
        />
      </Card>
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
