import { useMemo, useState, type ComponentType } from 'react';
import { Alert, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { describeError } from '../../lib/errors';
import { formatPhone } from '../../lib/format';
import { useAllPostOffices, useCommunes } from '../../lib/reference-data';
import { useResource } from '../../lib/resource';
import type { BoundaryCollection } from './map/geo';
import { GiaLaiMap, type MapLayer } from './map/GiaLaiMap';

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

function Legend() {
  const t = useT();
  const swatch = (style: React.CSSProperties) => <span style={{ display: 'inline-block', width: 16, height: 12, border: '1px solid #5b6b7f', verticalAlign: 'middle', marginRight: 6, ...style }} />;
  return (
    <Space orientation="vertical" size={4}>
      <span>{swatch({ background: '#f7fbff' })}{t('map.legendCommune')}</span>
      <span>{swatch({ background: 'repeating-linear-gradient(45deg,#ffe7ba 0 3px,#fa8c16 3px 5px)' })}{t('map.legendRemote')}</span>
      <span>
        <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: '#d4380d', margin: '0 9px 0 3px', verticalAlign: 'middle' }} />
        {t('map.legendOffice')}
      </span>
      <span>
        <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: '#8c8c8c', margin: '0 9px 0 3px', verticalAlign: 'middle' }} />
        {t('map.legendOfficeInactive')}
      </span>
    </Space>
  );
}

export default function SupervisorMapPage() {
  const t = useT();
  const boundaries = useResource<BoundaryCollection>('geo/boundaries', () => api.get<BoundaryCollection>('/geo/boundaries'));
  const communes = useCommunes();
  const offices = useAllPostOffices();
  const [selected, setSelected] = useState<string | null>(null);

  const all = communes.data ?? [];
  const officeList = offices.data ?? [];
  const remoteCount = all.filter((u) => u.remoteArea).length;
  const activeOffices = officeList.filter((o) => o.active).length;
  const selectedUnit = selected ? communes.byCode.get(selected) : undefined;
  const selectedOffices = useMemo(() => officeList.filter((o) => selected && (o.communeCode === selected || o.serviceArea.includes(selected))), [officeList, selected]);
  const error = boundaries.error ?? communes.error ?? offices.error;

  return (
    <>
      <PageHeader title={t('nav.map')} subtitle={t('map.subtitle')} />
      {error !== undefined && <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            {boundaries.data && communes.data ? (
              <GiaLaiMap boundaries={boundaries.data} communes={communes.byCode} offices={officeList} selected={selected} onSelect={setSelected} layers={LIVE_LAYERS} />
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
            <Card size="small" title={t('map.overview')}>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('map.communes')} value={all.length} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('map.remote')} value={remoteCount} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('map.activeOffices')} value={activeOffices} />
                </Col>
              </Row>
            </Card>
            <Card size="small" title={t('map.legend')}>
              <Legend />
            </Card>
            <Card size="small" title={selectedUnit ? selectedUnit.name : t('map.selectedNone')}>
              {selectedUnit ? (
                <>
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('commune.code')}>{selectedUnit.code}</Descriptions.Item>
                    <Descriptions.Item label={t('commune.type')}>{t(selectedUnit.type === 'ward' ? 'commune.ward' : 'commune.commune')}</Descriptions.Item>
                    <Descriptions.Item label={t('commune.remoteArea')}>{selectedUnit.remoteArea ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')}</Descriptions.Item>
                  </Descriptions>
                  <Typography.Text strong>{t('map.servingOffices')}</Typography.Text>
                  <List
                    size="small"
                    dataSource={selectedOffices}
                    locale={{ emptyText: t('map.noOffice') }}
                    renderItem={(o) => (
                      <List.Item>
                        <List.Item.Meta title={`${o.name} (${o.code})`} description={o.phone ? `${o.address} · ${formatPhone(o.phone)}` : o.address} />
                      </List.Item>
                    )}
                  />
                </>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.clickHint')} />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}
