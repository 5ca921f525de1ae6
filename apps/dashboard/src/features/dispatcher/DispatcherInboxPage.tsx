import { useMemo, useState } from 'react';
import { MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Button, Col, Empty, Row, Tooltip } from 'antd';
import { LEG_MACHINE, type LegEvent, type LegView } from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { invalidate } from '../../lib/resource';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { ActiveLegsCard } from './ActiveLegsCard';
import { isMuted, playChime, setMuted } from './chime';
import { FeesCard } from './FeesCard';
import { FinishedLegsCard } from './FinishedLegsCard';
import { useNow } from './inbox-parts';
import { LegActionModal, type ModalAction } from './LegActionModal';
import { KEYS, useActiveLegs, useOffice, useOfficeLegs } from './legs-data';
import { OffersCard, useLiveOffers } from './OffersCard';

/** Any other leg event re-reads the lists (the server's word); an overdue one of this office is also said. */
function useLegEvents(officeId: string | null) {
  const { t } = useI18n();
  const { message } = App.useApp();
  useRealtimeEvent('dispatch:leg-updated', () => invalidate('bcci-legs/', KEYS.unremitted));
  useRealtimeEvent('dispatch:leg-overdue', (p: LegEvent) => {
    if (p.officeId === officeId) void message.warning(t('disp.overdueNow', { code: p.requestCode }));
    invalidate('bcci-legs/');
  });
}

/** The office's legs sorted into the cards: offers (oldest first), held legs (soonest due first), latest finished ones. */
function useInboxLists() {
  const activeLegs = useActiveLegs();
  const legs = useOfficeLegs();
  const current = useMemo(() => activeLegs.data?.items ?? [], [activeLegs.data]);
  const all = useMemo(() => legs.data?.items ?? [], [legs.data]);
  const offers = useMemo(
    () => current.filter((l) => l.state === 'assigned').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    [current],
  );
  const held = useMemo(
    () => current.filter((l) => LEG_MACHINE.is('officeHeld', l.state)).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    [current],
  );
  const finished = useMemo(() => all.filter((l) => LEG_MACHINE.is('finished', l.state)).slice(0, 20), [all]);
  const loading = activeLegs.loading && !activeLegs.data;
  const more = activeLegs.data && !activeLegs.data.complete ? activeLegs.data.items.length : null;
  return { offers, held, finished, loading, more };
}

function MuteButton() {
  const { t } = useI18n();
  const [muted, setMutedState] = useState(isMuted);
  const toggle = () => {
    setMuted(!muted);
    setMutedState(!muted);
    if (muted) playChime();
  };
  return (
    <Tooltip title={muted ? t('disp.sound.unmuteHint') : t('disp.sound.muteHint')}>
      <Button
        icon={muted ? <MutedOutlined /> : <SoundOutlined />}
        onClick={toggle}
        data-testid="mute-toggle"
        data-muted={muted ? 'true' : 'false'}
      >
        {muted ? t('disp.sound.off') : t('disp.sound.on')}
      </Button>
    </Tooltip>
  );
}

export default function DispatcherInboxPage() {
  const { t } = useI18n();
  const officeId = useCurrentUser().postOfficeId;
  const office = useOffice(officeId);
  const now = useNow(1000);
  const live = useLiveOffers(officeId);
  useLegEvents(officeId);
  const lists = useInboxLists();
  const [modal, setModal] = useState<{ leg: LegView; action: ModalAction } | null>(null);
  if (!officeId) return <Empty description={t('disp.noOffice')} />;
  const subtitle = office.data
    ? t('disp.subtitle', { office: `${office.data.code} · ${office.data.name}` })
    : t('disp.subtitleShort');
  return (
    <>
      <PageHeader title={t('nav.dispatcherInbox')} subtitle={subtitle} extra={<MuteButton />} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <OffersCard
            offers={lists.offers}
            loading={lists.loading}
            live={live}
            now={now}
            onReject={(leg) => setModal({ leg, action: 'reject' })}
          />
        </Col>
        <Col xs={24} xl={10}>
          <FeesCard officeId={officeId} officeCode={office.data?.code ?? null} />
        </Col>
        <Col span={24}>
          <ActiveLegsCard
            legs={lists.held}
            loading={lists.loading}
            more={lists.more}
            now={now}
            onAction={(leg, action) => setModal({ leg, action })}
          />
        </Col>
        <Col span={24}>
          <FinishedLegsCard legs={lists.finished} />
        </Col>
      </Row>
      <LegActionModal leg={modal?.leg ?? null} action={modal?.action ?? null} onClose={() => setModal(null)} />
    </>
  );
}
