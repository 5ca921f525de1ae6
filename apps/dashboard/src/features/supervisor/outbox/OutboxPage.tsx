import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { MailOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { MAIL_STATES, type MailOutboxListView, type MailOutboxView, type MailState } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { invalidate, useResource } from '../../../lib/resource';

const KEY = 'feedback/outbox';
const PAGE = 50;
const STATE_COLORS: Record<MailState, string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  disabled: 'warning',
};
/** No socket event carries mail state: the first page is re-read while some shown mail is still pending. */
const PENDING_REFRESH_MS = 3000;

type Filter = MailState | 'all';

/**
 * Hộp thư đi: the mail outbox of the feedback context (forwards to agencies, Mẫu 04 apology slips to citizens) for supervisors and
 * admins — state filter with counts, newest first with older pages on demand, the ticket linked to the tickets screen, a resend of
 * a failed mail, and a banner when the api runs without SMTP_URL (mails kept as `disabled`).
 */
export default function OutboxPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [older, setOlder] = useState<MailOutboxView[]>([]);
  const [olderNext, setOlderNext] = useState<string | null | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [retrying, setRetrying] = useState<string | null>(null);
  const state = filter === 'all' ? undefined : filter;
  const first = useResource<MailOutboxListView>(`${KEY}?state=${filter}`, () =>
    api.get<MailOutboxListView>('/feedback/outbox', { query: { state, limit: PAGE } }),
  );
  const list = first.data;

  useEffect(() => {
    setOlder([]);
    setOlderNext(undefined);
  }, [filter]);

  const rows = useMemo(() => {
    const seen = new Set<string>();
    return [...(list?.items ?? []), ...older].filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
  }, [list, older]);
  const hasPending = rows.some((m) => m.state === 'pending');
  const reload = first.reload;
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(reload, PENDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [hasPending, reload]);

  const nextBefore = olderNext === undefined ? list?.nextBefore : olderNext;
  const loadOlder = async () => {
    if (!nextBefore) return;
    setLoadingOlder(true);
    try {
      const page = await api.get<MailOutboxListView>('/feedback/outbox', {
        query: { state, limit: PAGE, before: nextBefore },
      });
      setOlder((o) => [...o, ...page.items]);
      setOlderNext(page.nextBefore);
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setLoadingOlder(false);
    }
  };

  const retry = async (m: MailOutboxView) => {
    setRetrying(m.id);
    try {
      const updated = await api.post<MailOutboxView>(`/feedback/outbox/${m.id}/retry`);
      void message.success(t('outbox.retryDone', { to: updated.to }));
      setOlder((o) => o.map((x) => (x.id === updated.id ? updated : x)));
      invalidate(KEY);
    } catch (err) {
      void message.error(describeError(t, err));
      invalidate(KEY);
    } finally {
      setRetrying(null);
    }
  };

  const mailEnabled = list?.mailEnabled ?? true;
  const retryButton = (m: MailOutboxView) => {
    if (m.state !== 'failed' && m.state !== 'disabled') return null;
    const canRetry = m.state === 'failed' || mailEnabled;
    const button = (
      <Button
        size="small"
        icon={<SendOutlined />}
        disabled={!canRetry}
        loading={retrying === m.id}
        onClick={() => void retry(m)}
        data-testid={`outbox-retry-${m.id}`}
      >
        {t('outbox.retry')}
      </Button>
    );
    return canRetry ? button : <Tooltip title={t('outbox.retryDisabledHint')}>{button}</Tooltip>;
  };
  // Fits a 1440 px screen without a horizontal scroll: what a supervisor acts on (state, resend, error) is always in view.
  const columns: TableColumnsType<MailOutboxView> = [
    {
      title: t('outbox.col.state'),
      key: 'state',
      width: 120,
      render: (_, m) => (
        <Space orientation="vertical" size={4}>
          <Tag color={STATE_COLORS[m.state]} data-testid={`outbox-state-${m.id}`}>
            {t(`outbox.state.${m.state}`)}
          </Tag>
          {m.state === 'pending' && m.nextAttemptAt && m.attempts > 0 && (
            <Typography.Text type="secondary">
              {t('outbox.nextAttempt', { at: formatDateTime(m.nextAttemptAt) })}
            </Typography.Text>
          )}
          {retryButton(m)}
        </Space>
      ),
    },
    {
      title: t('outbox.col.to'),
      key: 'to',
      width: 200,
      render: (_, m) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
          <span style={{ wordBreak: 'break-all' }}>{m.to}</span>
          <Typography.Text type="secondary">{t(`outbox.kind.${m.kind}`)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('outbox.col.subject'),
      dataIndex: 'subject',
      key: 'subject',
      render: (v: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('outbox.col.ticket'),
      key: 'ticket',
      width: 130,
      render: (_, m) =>
        m.ticketId ? (
          <Link to={`/tickets?ticket=${encodeURIComponent(m.ticketId)}`}>{m.ticketCode ?? m.ticketId}</Link>
        ) : (
          '—'
        ),
    },
    { title: t('outbox.col.attempts'), dataIndex: 'attempts', key: 'attempts', align: 'right', width: 80 },
    {
      title: t('outbox.col.lastError'),
      dataIndex: 'lastError',
      key: 'lastError',
      width: 170,
      render: (v: string | null) =>
        v ? (
          <Typography.Paragraph type="danger" ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
            {v}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    {
      title: `${t('outbox.col.createdAt')} / ${t('outbox.col.sentAt')}`,
      key: 'times',
      width: 140,
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDateTime(m.createdAt)}</span>
          <Typography.Text type={m.sentAt ? 'success' : 'secondary'}>
            {m.sentAt ? formatDateTime(m.sentAt) : '—'}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  const counts = list?.counts;
  const total = counts ? MAIL_STATES.reduce((a, s) => a + counts[s], 0) : 0;
  return (
    <>
      <PageHeader
        title={
          <>
            <MailOutlined /> {t('outbox.nav')}
          </>
        }
        subtitle={t('outbox.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="outbox-reload">
            {t('common.reload')}
          </Button>
        }
      />
      {list && !list.mailEnabled && (
        <Alert
          type="warning"
          showIcon
          title={t('outbox.disabledTitle')}
          description={t('outbox.disabledText')}
          style={{ marginBottom: 16 }}
          data-testid="outbox-disabled-banner"
        />
      )}
      {list && list.mailEnabled && counts && counts.disabled > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('outbox.disabledRows', { n: counts.disabled })}
          style={{ marginBottom: 16 }}
        />
      )}
      {first.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, first.error)} style={{ marginBottom: 16 }} />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          optionType="button"
          data-testid="outbox-filter"
        >
          <Radio.Button value="all">{t('outbox.filter.all', { n: total })}</Radio.Button>
          {MAIL_STATES.map((s) => (
            <Radio.Button key={s} value={s}>
              {t(`outbox.filter.${s}`, { n: counts?.[s] ?? 0 })}
            </Radio.Button>
          ))}
        </Radio.Group>
        {hasPending && <Typography.Text type="secondary">{t('outbox.autoRefresh')}</Typography.Text>}
      </Space>
      <div data-testid="outbox-table">
        <Table<MailOutboxView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={first.loading && !list}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('outbox.empty') }}
          expandable={{
            expandedRowRender: (m) => (
              <div>
                <Typography.Text strong>{t('outbox.body')}</Typography.Text>
                <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: '8px 0 0' }}>{m.body}</pre>
              </div>
            ),
          }}
        />
      </div>
      {nextBefore && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void loadOlder()} loading={loadingOlder} data-testid="outbox-more">
            {t('outbox.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
