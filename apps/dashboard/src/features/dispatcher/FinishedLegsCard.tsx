import { Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { type LegView, VN_UTC_OFFSET } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatMoney } from '../../lib/format';
import { stepSummary } from './inbox-parts';
import { STATE_COLORS, stateKey } from './legs-data';

/** Whether (and by which batch) the leg's collected fee was remitted. */
function Remitted({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  if (!leg.remittance) return null;
  const title = t('dispatch.remitted', {
    amount: formatMoney(leg.feeCollected),
    reference: leg.remittance.reference,
    date: formatDate(`${leg.remittance.remittedOn}T12:00:00${VN_UTC_OFFSET}`),
  });
  return (
    <Tooltip title={title}>
      <Tag color="green" data-testid="leg-remitted" data-reference={leg.remittance.reference}>
        {t('dispatch.remitted.short')} · {leg.remittance.reference}
      </Tag>
    </Tooltip>
  );
}

/** The office's latest finished legs (delivered, returned, cancelled). */
export function FinishedLegsCard({ legs }: { legs: LegView[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('disp.finished.title')} data-testid="finished-legs">
      {legs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disp.finished.empty')} />
      ) : (
        <List
          size="small"
          dataSource={legs}
          renderItem={(l) => (
            <List.Item key={l.id} data-testid="finished-item" data-leg-id={l.id}>
              <List.Item.Meta
                title={
                  <Space wrap size={6}>
                    <strong>{l.requestCode}</strong>
                    <Tag color={STATE_COLORS[l.state]}>{t(stateKey(l.state))}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDate(l.updatedAt)}
                    </Typography.Text>
                    <Remitted leg={l} />
                  </Space>
                }
                description={<Typography.Text style={{ fontSize: 12 }}>{stepSummary(t, l) || '—'}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
