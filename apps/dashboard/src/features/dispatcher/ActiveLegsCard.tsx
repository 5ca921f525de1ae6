import { CarOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { LegView } from '@hotline/contracts';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n';
import { Address, DueDate, isOverdue, stepSummary } from './inbox-parts';
import { kindKey, type LegAction, nextActions, STATE_COLORS, stateKey } from './legs-data';

const actionIcons: Partial<Record<LegAction, React.ReactNode>> = {
  courier: <CarOutlined />,
  deliver: <CheckOutlined />,
};

/** The steps the leg machine allows next, one button each. */
function NextActions({ leg, onAction }: { leg: LegView; onAction: (leg: LegView, action: LegAction) => void }) {
  const { t } = useI18n();
  return (
    <Space wrap size={4}>
      {nextActions(leg).map((a) => (
        <Button
          key={a}
          size="small"
          type={a === 'fail' || a === 'return' ? 'default' : 'primary'}
          danger={a === 'fail'}
          icon={actionIcons[a]}
          onClick={() => onAction(leg, a)}
          data-testid={`leg-action-${a}`}
        >
          {t(`disp.action.${a}` as MessageKey)}
        </Button>
      ))}
    </Space>
  );
}

function columns(t: Translate, now: number, onAction: (leg: LegView, action: LegAction) => void) {
  const cols: TableColumnsType<LegView> = [
    {
      key: 'code',
      title: t('disp.code'),
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          <strong>{l.requestCode}</strong>
          <Tag color={l.kind === 'pickup' ? 'blue' : 'purple'}>{t(kindKey(l.kind))}</Tag>
        </Space>
      ),
    },
    {
      key: 'what',
      title: t('disp.address'),
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          <Address leg={l} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {stepSummary(t, l)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('disp.state'),
      render: (_, l) => (
        <Tag color={STATE_COLORS[l.state]} data-testid="leg-state">
          {t(stateKey(l.state))}
        </Tag>
      ),
    },
    { key: 'due', title: t('disp.due'), render: (_, l) => <DueDate leg={l} now={now} /> },
    { key: 'actions', title: t('disp.next'), render: (_, l) => <NextActions leg={l} onAction={onAction} /> },
  ];
  return cols;
}

interface ActiveLegsCardProps {
  legs: LegView[];
  loading: boolean;
  /** Shown when the list was not read to its end. */
  more: number | null;
  now: number;
  onAction: (leg: LegView, action: LegAction) => void;
}

/** The legs the office holds, soonest due first, with the next steps it may take. */
export function ActiveLegsCard({ legs, loading, more, now, onAction }: ActiveLegsCardProps) {
  const { t } = useI18n();
  const overdue = legs.filter((l) => isOverdue(l, now)).length;
  const title = (
    <Space>
      <CarOutlined />
      {t('disp.active.title')}
      <Badge count={legs.length} showZero color="#1677ff" />
      {overdue > 0 && <Tag color="red">{t('disp.active.overdue', { n: overdue })}</Tag>}
    </Space>
  );
  const extra =
    more !== null ? (
      <Typography.Text type="secondary">{t('dispatch.list.more', { shown: more })}</Typography.Text>
    ) : undefined;
  return (
    <Card title={title} extra={extra} data-testid="active-legs">
      <Table<LegView>
        size="small"
        rowKey="id"
        dataSource={legs}
        loading={loading}
        pagination={legs.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('disp.active.empty') }}
        onRow={(l) => ({ 'data-testid': 'leg-row', 'data-leg-id': l.id, 'data-state': l.state }) as never}
        columns={columns(t, now, onAction)}
      />
    </Card>
  );
}
