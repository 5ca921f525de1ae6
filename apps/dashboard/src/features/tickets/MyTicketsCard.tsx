import { Link } from 'react-router';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { headlineTarget, statusKey, STATUS_COLORS, useNow } from './tickets-data';
import { SlaCountdown } from './SlaCountdown';
import { useLiveTickets } from './useLiveTickets';

/** The console's "my tickets": open tickets assigned to me, the most urgent SLA target of each ticking live. */
export function MyTicketsCard({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const now = useNow();
  // Only the tickets being worked on, asked of the api (open=true), so settled ones do not crowd them out.
  const list = useLiveTickets({ filter: 'mine', me: me.id, open: true });
  const rows = list.rows.slice(0, 15);
  return (
    <Card
      size="small"
      title={t('tickets.filter.mine')}
      data-testid="my-tickets"
      extra={
        <Link to="/tickets" data-testid="my-tickets-all">
          {t('tickets.seeAll')}
        </Link>
      }
    >
      {rows.length ? (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => {
            const head = headlineTarget(r, now);
            return (
              <List.Item
                key={r.id}
                data-testid="my-ticket"
                data-ticket-id={r.id}
                onClick={() => onOpen(r.id)}
                style={{ cursor: 'pointer', paddingInline: 4 }}
              >
                <div style={{ width: '100%' }}>
                  <Space size={6} wrap>
                    <strong>{r.code}</strong>
                    <Tag color={STATUS_COLORS[r.status]}>{t(statusKey(r.status))}</Tag>
                    {head && <SlaCountdown name={head.name} target={r.sla[head.name]} />}
                  </Space>
                  <div>
                    <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                      {r.subject}
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.loading ? '…' : t('tickets.emptyMine')} />
      )}
    </Card>
  );
}
