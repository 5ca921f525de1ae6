import { useState } from 'react';
import { BellOutlined, CheckOutlined, CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { LegEvent, LegView } from '@hotline/contracts';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError, formatWait } from '../../lib/errors';
import { formatDateTime, formatMoney } from '../../lib/format';
import { invalidate } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { playChime } from './chime';
import { Address } from './inbox-parts';
import { kindKey, routeKey } from './legs-data';

/** Deadlines and arrival times of offers seen live (until the list is re-read, the event's copy of the deadline). */
export type LiveOffers = Record<string, { deadlineAt: string | null; at: number }>;

/** A new offer for this office: a chime, a notification, the offer marked new for a minute. */
export function useLiveOffers(officeId: string | null): LiveOffers {
  const { t } = useI18n();
  const { notification } = App.useApp();
  const [live, setLive] = useState<LiveOffers>({});
  useRealtimeEvent('dispatch:leg-assigned', (p: LegEvent) => {
    if (p.officeId !== officeId) return;
    setLive((m) => ({ ...m, [p.legId]: { deadlineAt: p.deadlineAt, at: Date.now() } }));
    playChime();
    void notification.info({
      key: `offer-${p.legId}`,
      message: t('disp.offer.arrived', { code: p.requestCode }),
      icon: <BellOutlined style={{ color: '#fa541c' }} />,
      duration: 6,
    });
    invalidate('bcci-legs/');
  });
  return live;
}

function useAccept() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const accept = async (leg: LegView) => {
    setBusy(leg.id);
    try {
      await api.post(`/bcci-legs/${leg.id}/accept`, {});
      void message.success(t('disp.done.accept', { code: leg.requestCode }));
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setBusy(null);
      invalidate('bcci-legs/');
    }
  };
  return { busy, accept };
}

function Countdown({ deadline, left }: { deadline: string | null; left: number | null }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={left !== null && left < 300 ? 'red' : 'gold'} data-testid="offer-countdown">
        {left === null
          ? t('disp.offer.noDeadline')
          : left > 0
            ? t('disp.offer.left', { time: formatWait(t, left) })
            : t('disp.offer.expired')}
      </Tag>
      {deadline && (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12 }}
          data-testid="offer-deadline"
          data-deadline={deadline}
        >
          {t('dispatch.offer.deadline', { time: formatDateTime(deadline) })}
        </Typography.Text>
      )}
    </>
  );
}

function OfferDetails({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      <Address leg={leg} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(routeKey(leg.routeType))} · {t('disp.postage')}: {formatMoney(leg.postage)}
        {leg.feeExpected > 0 && ` · ${t('disp.fee.expectedShort')}: ${formatMoney(leg.feeExpected)}`} · {t('disp.due')}:{' '}
        {formatDateTime(leg.dueAt)}
        {leg.windowFrom &&
          ` · ${t('disp.window')}: ${formatDateTime(leg.windowFrom)} – ${formatDateTime(leg.windowTo)}`}
      </Typography.Text>
    </Space>
  );
}

interface OfferItemProps {
  leg: LegView;
  live: LiveOffers[string] | undefined;
  now: number;
  busy: boolean;
  onAccept: () => void;
  onReject: () => void;
}

/** A pending offer: what, where, the price, the due date and the time left to answer. */
function OfferItem({ leg, live, now, busy, onAccept, onReject }: OfferItemProps) {
  const { t } = useI18n();
  const fresh = !!live && now - live.at < 60_000;
  // The server's word on the offer (pendingOffer); the live event's copy only until the list is re-fetched.
  const deadline = leg.pendingOffer ? leg.pendingOffer.deadlineAt : (live?.deadlineAt ?? null);
  const left = deadline ? (Date.parse(deadline) - now) / 1000 : null;
  const expired = left !== null && left <= 0;
  const actions = [
    <Button
      key="accept"
      type="primary"
      icon={<CheckOutlined />}
      loading={busy}
      onClick={onAccept}
      data-testid="offer-accept"
      disabled={expired}
    >
      {t('disp.action.accept')}
    </Button>,
    <Button
      key="reject"
      danger
      icon={<CloseOutlined />}
      onClick={onReject}
      data-testid="offer-reject"
      disabled={busy || expired}
    >
      {t('disp.action.reject')}
    </Button>,
  ];
  const title = (
    <Space wrap size={6}>
      <strong data-testid="offer-code">{leg.requestCode}</strong>
      <Tag color={leg.kind === 'pickup' ? 'blue' : 'purple'}>{t(kindKey(leg.kind))}</Tag>
      {fresh && <Tag color="orange">{t('disp.offer.new')}</Tag>}
      <Countdown deadline={deadline} left={left} />
    </Space>
  );
  return (
    <List.Item
      className={fresh ? 'dispatch-offer dispatch-offer-fresh' : 'dispatch-offer'}
      data-testid="offer-item"
      data-leg-id={leg.id}
      actions={actions}
    >
      <List.Item.Meta
        avatar={fresh ? <Badge status="processing" color="#fa541c" /> : <Badge status="default" />}
        title={title}
        description={<OfferDetails leg={leg} />}
      />
    </List.Item>
  );
}

interface OffersCardProps {
  offers: LegView[];
  loading: boolean;
  live: LiveOffers;
  now: number;
  onReject: (leg: LegView) => void;
}

/** The offers waiting for this office's answer, oldest first. */
export function OffersCard({ offers, loading, live, now, onReject }: OffersCardProps) {
  const { t } = useI18n();
  const { busy, accept } = useAccept();
  const title = (
    <Space>
      <InboxOutlined />
      {t('disp.offers.title')}
      <Badge count={offers.length} showZero color={offers.length ? '#fa541c' : '#bfbfbf'} data-testid="offers-count" />
    </Space>
  );
  return (
    <Card
      title={title}
      extra={<Typography.Text type="secondary">{t('disp.offers.hint')}</Typography.Text>}
      data-testid="offers"
    >
      {offers.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={loading ? '…' : t('disp.offers.empty')}
          data-testid="offers-empty"
        />
      ) : (
        <List
          dataSource={offers}
          renderItem={(leg) => (
            <OfferItem
              key={leg.id}
              leg={leg}
              live={live[leg.id]}
              now={now}
              busy={busy === leg.id}
              onAccept={() => void accept(leg)}
              onReject={() => onReject(leg)}
            />
          )}
        />
      )}
    </Card>
  );
}
