import { useState } from 'react';
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { BcciRequestView, LegEvent, LegView } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatMoney, formatPhone } from '../../lib/format';
import { invalidate } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { kindKey, stateKey, STATE_COLORS, useOffice } from '../dispatcher/legs-data';
import { applyLegEvent, optionKey, REQUEST_KEYS, useMyRequests } from './requests-data';

function OfficeName({ id }: { id: string | null }) {
  const { t } = useI18n();
  const office = useOffice(id);
  if (!id) return <Typography.Text type="secondary">{t('tickets.bcci.noOffice')}</Typography.Text>;
  return <span data-testid="leg-office">{office.data ? office.data.name : '…'}</span>;
}

function LegLine({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  return (
    <div
      data-testid="my-request-leg"
      data-leg-id={leg.id}
      data-state={leg.state}
      style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', fontSize: 13 }}
    >
      <Tag>{t(kindKey(leg.kind))}</Tag>
      <Tag color={STATE_COLORS[leg.state]} data-testid="leg-state">
        {t(stateKey(leg.state))}
      </Tag>
      <OfficeName id={leg.officeId} />
      <Typography.Text type="secondary">
        {t('tickets.bcci.dueShort', { at: formatDateTime(leg.dueAt) })} · {formatMoney(leg.postage)}
      </Typography.Text>
      {leg.overdue && <Tag color="red">{t('disp.overdue')}</Tag>}
    </div>
  );
}

/** The operator's requests patched by the dispatch events sent to them: an event newer than REST wins until the list catches up. */
function useLiveRequests(extra: BcciRequestView[] | undefined) {
  const mine = useMyRequests();
  const [events, setEvents] = useState<LegEvent[]>([]);
  const onLeg = (e: LegEvent) => {
    setEvents((list) => [...list.filter((x) => x.legId !== e.legId || x.at > e.at), e].slice(-200));
    invalidate(REQUEST_KEYS.mine);
  };
  useRealtimeEvent('dispatch:leg-assigned', onLeg);
  useRealtimeEvent('dispatch:leg-updated', onLeg);
  useRealtimeEvent('dispatch:escalated', onLeg);
  useRealtimeEvent('dispatch:leg-overdue', () => invalidate(REQUEST_KEYS.mine));
  const byId = new Map<string, BcciRequestView>();
  for (const r of [...(extra ?? []), ...(mine.data?.items ?? [])]) byId.set(r.id, r);
  const requests = [...byId.values()]
    .map((r) =>
      events.reduce(
        (acc, e) => (acc.legs.some((l) => l.id === e.legId && l.updatedAt <= e.at) ? applyLegEvent(acc, e) : acc),
        r,
      ),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 20);
  return { requests, error: mine.error, loading: mine.loading };
}

function RequestItem({ r, highlighted }: { r: BcciRequestView; highlighted: boolean }) {
  const { t } = useI18n();
  return (
    <List.Item
      key={r.id}
      data-testid="my-request"
      data-request-id={r.id}
      style={{ background: highlighted ? '#f6ffed' : undefined, paddingInline: 8 }}
    >
      <div style={{ width: '100%' }}>
        <Space wrap size={6}>
          <strong data-testid="my-request-code">{r.code}</strong>
          <Tag color="blue">{t(optionKey(r.option))}</Tag>
          {r.remoteArea && <Tag color="orange">{t('tickets.bcci.remote')}</Tag>}
          <Typography.Text type="secondary">
            {formatPhone(r.citizenPhone)} · {r.dossierCode} · {formatDateTime(r.createdAt)}
          </Typography.Text>
        </Space>
        <div style={{ marginTop: 4, display: 'grid', gap: 4 }}>
          {r.legs.map((l) => (
            <LegLine key={l.id} leg={l} />
          ))}
        </div>
      </div>
    </List.Item>
  );
}

/**
 * The operator's BCCI requests with each leg's state and office, changed live by the dispatch events the server sends
 * to the creating operator (offered, accepted, picked up, delivered...), then re-read over REST.
 */
export function MyRequestsCard({ highlightId, extra }: { highlightId?: string | null; extra?: BcciRequestView[] }) {
  const { t } = useI18n();
  const { requests, error, loading } = useLiveRequests(extra);
  return (
    <Card title={t('tickets.bcci.mine')} size="small" data-testid="my-requests">
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 8 }} />
      )}
      {requests.length ? (
        <List
          size="small"
          dataSource={requests}
          renderItem={(r) => <RequestItem key={r.id} r={r} highlighted={r.id === highlightId} />}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={loading ? '…' : t('tickets.bcci.mineEmpty')} />
      )}
    </Card>
  );
}
