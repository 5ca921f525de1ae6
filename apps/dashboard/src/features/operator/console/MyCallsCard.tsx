import { Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CallView } from '@hotline/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { formatPhone, formatTime } from '../../../lib/format';
import { clock, outcomeKey, OUTCOME_COLORS, useTopics } from '../calls-data';

function OutcomeTag({ call }: { call: CallView }) {
  const { t } = useI18n();
  if (call.outcome) return <Tag color={OUTCOME_COLORS[call.outcome]}>{t(outcomeKey(call.outcome))}</Tag>;
  if (call.state === 'ended') return <Tag color="orange">{t('op.outcome.none')}</Tag>;
  return <Tag color="green">{t(`op.pop.state.${call.state}` as MessageKey)}</Tag>;
}

function useColumns(): TableColumnsType<CallView> {
  const { t } = useI18n();
  const topics = useTopics();
  return [
    { key: 'time', title: t('op.calls.time'), width: 64, render: (_, c) => formatTime(c.startedAt) },
    {
      key: 'phone',
      title: t('op.calls.phone'),
      render: (_, c) => (
        <Space size={4} wrap>
          <span style={{ whiteSpace: 'nowrap' }}>{c.withheld ? t('op.pop.withheld') : formatPhone(c.phone)}</span>
          {c.direction === 'outbound' && <Tag>{t('op.direction.outbound')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'topic',
      title: t('op.form.topic'),
      ellipsis: true,
      render: (_, c) => (c.topicId ? (topics.byId.get(c.topicId)?.name ?? '—') : '—'),
    },
    { key: 'outcome', title: t('op.form.outcome'), render: (_, c) => <OutcomeTag call={c} /> },
    { key: 'talk', title: t('op.calls.talk'), width: 70, render: (_, c) => clock(c.talkSeconds) },
  ];
}

/** Today's calls of the operator; a click selects one. */
export function MyCallsCard(props: {
  calls: CallView[];
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const { calls, selectedId, onSelect } = props;
  return (
    <Card
      title={t('op.calls.title')}
      data-testid="my-calls"
      extra={<Typography.Text type="secondary">{t('common.total', { n: calls.length })}</Typography.Text>}
    >
      <Table<CallView>
        size="small"
        rowKey="id"
        dataSource={calls}
        loading={props.loading}
        pagination={calls.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('op.calls.empty') }}
        onRow={(c) =>
          ({
            onClick: () => onSelect(c.id),
            style: { cursor: 'pointer', background: c.id === selectedId ? '#e6f4ff' : undefined },
            'data-testid': 'my-call-row',
            'data-call-id': c.id,
          }) as never
        }
        columns={useColumns()}
      />
    </Card>
  );
}
