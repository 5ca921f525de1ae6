import { Link } from 'react-router';
import { SendOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MailOutboxView, MailState } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/format';

const STATE_COLORS: Record<MailState, string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  disabled: 'warning',
};

interface RetryInput {
  /** Without SMTP a `disabled` mail cannot be resent (a failed one can: it goes back to pending). */
  mailEnabled: boolean;
  retrying: string | null;
  retry: (m: MailOutboxView) => Promise<void>;
}

/** Fits a 1440 px screen without a horizontal scroll: what a supervisor acts on (state, resend, error) is always in view. */
export function useOutboxColumns(retryInput: RetryInput): TableColumnsType<MailOutboxView> {
  const { t } = useI18n();
  return [
    { title: t('outbox.col.state'), key: 'state', width: 120, render: (_, m) => <StateCell m={m} {...retryInput} /> },
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
      render: (_, m) => <MailTimes m={m} />,
    },
  ];
}

/** The mail's state, when it is tried next, and the resend button of a failed or disabled mail. */
function StateCell({ m, ...retryInput }: { m: MailOutboxView } & RetryInput) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={4}>
      <Tag color={STATE_COLORS[m.state]} data-testid={`outbox-state-${m.id}`}>
        {t(`outbox.state.${m.state}`)}
      </Tag>
      {m.state === 'pending' && m.nextAttemptAt && m.attempts > 0 && (
        <Typography.Text type="secondary">
          {t('outbox.nextAttempt', { at: formatDateTime(m.nextAttemptAt) })}
        </Typography.Text>
      )}
      <RetryButton m={m} {...retryInput} />
    </Space>
  );
}

function RetryButton({ m, mailEnabled, retrying, retry }: { m: MailOutboxView } & RetryInput) {
  const { t } = useI18n();
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
}

function MailTimes({ m }: { m: MailOutboxView }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{formatDateTime(m.createdAt)}</span>
      <Typography.Text type={m.sentAt ? 'success' : 'secondary'}>
        {m.sentAt ? formatDateTime(m.sentAt) : '—'}
      </Typography.Text>
    </Space>
  );
}
