import { useState } from 'react';
import { MailOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Radio, Space, Table, Typography } from 'antd';
import { MAIL_STATES, type MailOutboxListView, type MailOutboxView } from '@hotline/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { describeError } from '../../../lib/errors';
import { useOutboxColumns } from './outbox-columns';
import { useOutbox, type Filter } from './use-outbox';

/**
 * Hộp thư đi: the mail outbox of the feedback context (forwards to agencies, Mẫu 04 apology slips to citizens) for supervisors and
 * admins — state filter with counts, newest first with older pages on demand, the ticket linked to the tickets screen, a resend of
 * a failed mail, and a banner when the api runs without SMTP_URL (mails kept as `disabled`).
 */
export default function OutboxPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const { first, list, rows, hasPending, nextBefore, loadOlder, loadingOlder, retry, retrying } = useOutbox(filter);
  const columns = useOutboxColumns({ mailEnabled: list?.mailEnabled ?? true, retrying, retry });

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
          <Button icon={<ReloadOutlined />} onClick={first.reload} data-testid="outbox-reload">
            {t('common.reload')}
          </Button>
        }
      />
      {list && <MailBanners list={list} />}
      {first.error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, first.error)} style={{ marginBottom: 16 }} />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <StateFilter filter={filter} setFilter={setFilter} counts={list?.counts} />
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
          expandable={{ expandedRowRender: (m) => <MailBody body={m.body} /> }}
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

/** Without SMTP_URL nothing is sent (mails are kept as `disabled`); with it, how many such mails remain from before. */
function MailBanners({ list }: { list: MailOutboxListView }) {
  const { t } = useI18n();
  if (!list.mailEnabled)
    return (
      <Alert
        type="warning"
        showIcon
        title={t('outbox.disabledTitle')}
        description={t('outbox.disabledText')}
        style={{ marginBottom: 16 }}
        data-testid="outbox-disabled-banner"
      />
    );
  if (list.counts && list.counts.disabled > 0)
    return (
      <Alert
        type="info"
        showIcon
        title={t('outbox.disabledRows', { n: list.counts.disabled })}
        style={{ marginBottom: 16 }}
      />
    );
  return null;
}

function StateFilter({
  filter,
  setFilter,
  counts,
}: {
  filter: Filter;
  setFilter: (f: Filter) => void;
  counts: MailOutboxListView['counts'] | undefined;
}) {
  const { t } = useI18n();
  const total = counts ? MAIL_STATES.reduce((a, s) => a + counts[s], 0) : 0;
  return (
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
  );
}

function MailBody({ body }: { body: string }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Text strong>{t('outbox.body')}</Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: '8px 0 0' }}>{body}</pre>
    </div>
  );
}
