import { useMemo, useState, type ComponentType } from 'react';
import { Alert, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import type { LegView } from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatPhone } from '../../lib/format';
import { useAllPostOffices, useCommunes } from '../../lib/reference-data';
import { useResource } from '../../lib/resource';
import type { BoundaryCollection } from './map/geo';
import { GiaLaiMap, type MapLayer } from './map/GiaLaiMap';
import { legsLayer, useLiveLegs } from './map/LiveLegs';
import { kindKey, stateKey } from '../dispatcher/legs-data';
import { LEG_STATE_HEX } from './live/supervision-rules';
import { MapLegend } from './MapLegend';

/**
 * Live overlays on the map. Later issues register theirs here (legs in progress from the dispatch context, SLA risk
 * from the sla context); each is fed by REST + socket events and re-fetched on reconnect like every screen.
 */
const LIVE_LAYERS: MapLayer[] = [];

/**
 * Live lists beside the map (SLA at risk, unroutable legs, calls and callbacks), added by the issues that bring their
 * backend. Each renders its own card; nothing is shown here until real data exists.
 */
const LIVE_PANELS: Array<{ key: string; Panel: ComponentType }> = [];

/** The leg clicked on the map. */
function LegCard({ leg, onClose }: { leg: LegView | undefined; onClose: () => void }) {
  const t = useT();
  const communes = useCommunes();
  const offices = useAllPostOffices();
  if (!leg) return null;
  return (
    <Card
      size="small"
      title={t('sup.map.legTitle', { code: leg.requestCode })}
      extra={<a onClick={onClose}>{t('common.close')}</a>}
      data-testid="map-leg-card"
      data-leg-id={leg.id}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('sup.legs.kind')}>{t(kindKey(leg.kind))}</Descriptions.Item>
        <Descriptions.Item label={t('sup.map.state')}>
          <Tag color={LEG_STATE_HEX[leg.state]} data-testid="map-leg-state">
            {t(stateKey(leg.state))}
          </Tag>
          {leg.overdue && <Tag color="red">{t('disp.overdue')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('disp.address')}>
          {leg.addressDetail}, {communes.byCode.get(leg.communeCode)?.name ?? leg.communeCode}
          {leg.remoteArea && (
            <Tag color="orange" style={{ marginLeft: 6 }}>
              {t('commune.remoteShort')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('sup.map.office')}>
          {leg.officeId ? (offices.byId.get(leg.officeId)?.name ?? '—') : '—'}
        </Descriptions.Item>
        {leg.courierName && <Descriptions.Item label={t('sup.map.courier')}>{leg.courierName}</Descriptions.Item>}
        <Descriptions.Item label={t('sup.legs.due')}>{formatDateTime(leg.dueAt)}</Descriptions.Item>
        {leg.request && (
          <Descriptions.Item label={t('sup.legs.contact')}>
            {leg.request.contactName ?? '—'} · {formatPhone(leg.request.citizenPhone)}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export default function SupervisorMapPage() {
  const t = useT();
  const boundaries = useResource<BoundaryCollection>('geo/boundaries', () =>
    api.get<BoundaryCollection>('/geo/boundaries'),
  );
  const communes = useCommunes();
  const offices = useAllPostOffices();
  const [selected, setSelected] = useState<string | null>(null);
  // Legs are a supervisor's view (the dispatch API does not list them for admins).
  const showLegs = useCurrentUser().role === 'supervisor';
  const live = useLiveLegs(showLegs);
  const [selectedLegId, setSelectedLegId] = useState<string | null>(null);
  const selectedLeg = selectedLegId ? live.legs.find((l) => l.id === selectedLegId) : undefined;
  const layers = useMemo(
    () =>
      showLegs ? [...LIVE_LAYERS, legsLayer(live.legs, communes.byCode, selectedLegId, setSelectedLegId)] : LIVE_LAYERS,
    [showLegs, live.legs, communes.byCode, selectedLegId],
  );
  const error = boundaries.error ?? communes.error ?? offices.error ?? live.error;

  return (
    <>
      <PageHeader title={t('nav.map')} subtitle={t('map.subtitle')} />
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            {boundaries.data && communes.data ? (
              <GiaLaiMap
                boundaries={boundaries.data}
                communes={communes.byCode}
                offices={offices.data ?? []}
                selected={selected}
                onSelect={setSelected}
                layers={layers}
              />
            ) : (
              <Skeleton.Node active style={{ width: '100%', height: 480 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {LIVE_PANELS.map(({ key, Panel }) => (
              <Panel key={key} />
            ))}
            <OverviewCard showLegs={showLegs} activeLegs={live.legs.length} />
            {showLegs && <LegCard leg={selectedLeg} onClose={() => setSelectedLegId(null)} />}
            <Card size="small" title={t('map.legend')}>
              <MapLegend withLegs={showLegs} />
            </Card>
            <SelectedCommuneCard selected={selected} />
          </Space>
        </Col>
      </Row>
    </>
  );
}

/** How many communes, remote ones, active offices (and, for a supervisor, legs in progress). */
function OverviewCard({ showLegs, activeLegs }: { showLegs: boolean; activeLegs: number }) {
  const t = useT();
  const communes = useCommunes();
  const offices = useAllPostOffices();
  const all = communes.data ?? [];
  const remoteCount = all.filter((u) => u.remoteArea).length;
  const activeOffices = (offices.data ?? []).filter((o) => o.active).length;
  return (
    <Card size="small" title={t('map.overview')}>
      <Row gutter={8}>
        <Col span={showLegs ? 6 : 8}>
          <Statistic title={t('map.communes')} value={all.length} />
        </Col>
        <Col span={showLegs ? 6 : 8}>
          <Statistic title={t('map.remote')} value={remoteCount} />
        </Col>
        <Col span={showLegs ? 6 : 8}>
          <Statistic title={t('map.activeOffices')} value={activeOffices} />
        </Col>
        {showLegs && (
          <Col span={6}>
            <Statistic title={t('sup.map.activeLegs')} value={activeLegs} data-testid="map-legs-count" />
          </Col>
        )}
      </Row>
    </Card>
  );
}

/** The commune clicked on the map: its code, type, remote flag and the offices serving it. */
function SelectedCommuneCard({ selected }: { selected: string | null }) {
  const t = useT();
  const communes = useCommunes();
  const offices = useAllPostOffices();
  const selectedUnit = selected ? communes.byCode.get(selected) : undefined;
  const selectedOffices = useMemo(
    () =>
      (offices.data ?? []).filter((o) => selected && (o.communeCode === selected || o.serviceArea.includes(selected))),
    [offices.data, selected],
  );
  return (
    <Card size="small" title={selectedUnit ? selectedUnit.name : t('map.selectedNone')}>
      {selectedUnit ? (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('commune.code')}>{selectedUnit.code}</Descriptions.Item>
            <Descriptions.Item label={t('commune.type')}>
              {t(selectedUnit.type === 'ward' ? 'commune.ward' : 'commune.commune')}
            </Descriptions.Item>
            <Descriptions.Item label={t('commune.remoteArea')}>
              {selectedUnit.remoteArea ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text strong>{t('map.servingOffices')}</Typography.Text>
          <List
            size="small"
            dataSource={selectedOffices}
            locale={{ emptyText: t('map.noOffice') }}
            renderItem={(o) => (
              <List.Item>
                <List.Item.Meta
                  title={`${o.name} (${o.code})`}
                  description={o.phone ? `${o.address} · ${formatPhone(o.phone)}` : o.address}
                />
              </List.Item>
            )}
          />
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.clickHint')} />
      )}
    </Card>
  );
}
