import { useMemo, useRef, useState, type CSSProperties, type PointerEvent, type ReactNode } from 'react';
import { AimOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { AdministrativeUnitView, PostOfficeView } from '@hotline/contracts';
import { useT } from '../../../i18n/i18n';
import { type BoundaryCollection, featurePath, fitProjection, type Projection } from './geo';
import { useMapView } from './use-map-view';

/**
 * A layer drawn above the communes and offices, in map coordinates. Later issues add live legs this way
 * (e.g. a line per leg from the office to the citizen's address), without touching the base map.
 */
export type MapLayer = (ctx: { projection: Projection; zoom: number }) => ReactNode;

type Hover =
  { kind: 'commune'; code: string; x: number; y: number } | { kind: 'office'; id: string; x: number; y: number };

const OFFICE_RADIUS_PX = 4;

export interface GiaLaiMapProps {
  boundaries: BoundaryCollection;
  communes: Map<string, AdministrativeUnitView>;
  offices: PostOfficeView[];
  selected?: string | null;
  onSelect?: (code: string | null) => void;
  layers?: MapLayer[];
}

export function GiaLaiMap({ boundaries, communes, offices, selected, onSelect, layers = [] }: GiaLaiMapProps) {
  const t = useT();
  const projection = useMemo(() => fitProjection(boundaries), [boundaries]);
  const { view, reset, svgRef, drag, zoomAt, pointer } = useMapView(projection);
  const [hover, setHover] = useState<Hover | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  const tooltipPos = (clientX: number, clientY: number) => {
    const r = wrapRef.current!.getBoundingClientRect();
    return { x: clientX - r.left, y: clientY - r.top };
  };
  /** A click that ended a pan selects nothing. */
  const select = (code: string | null) => {
    if (!drag.current?.moved) onSelect?.(code);
  };

  return (
    <div ref={wrapRef} className="hotline-map" style={frameStyle(projection)} data-testid="gia-lai-map">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="img"
        aria-label={t('map.aria')}
        {...pointer}
        onPointerLeave={() => {
          drag.current = null;
          setHover(null);
        }}
      >
        <RemoteHatch zoom={view.k} />
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          <CommunePaths
            boundaries={boundaries}
            projection={projection}
            communes={communes}
            selected={selected}
            onHover={(code, e) => setHover({ kind: 'commune', code, ...tooltipPos(e.clientX, e.clientY) })}
            onSelect={(code) => select(selected === code ? null : code)}
          />
          <OfficeDots
            offices={offices}
            projection={projection}
            zoom={view.k}
            onHover={(id, e) => setHover({ kind: 'office', id, ...tooltipPos(e.clientX, e.clientY) })}
            onSelect={select}
          />
          {layers.map((layer, i) => (
            <g key={i}>{layer({ projection, zoom: view.k })}</g>
          ))}
        </g>
      </svg>
      {hover && (
        <MapTooltip hover={hover} communes={communes} offices={offices} width={wrapRef.current?.clientWidth ?? 0} />
      )}
      <ZoomControls zoomAt={zoomAt} reset={reset} />
    </div>
  );
}

/** The map keeps the province's proportions and fits the screen's height. */
function frameStyle(projection: Projection): CSSProperties {
  return {
    position: 'relative',
    background: '#eaf2fb',
    borderRadius: 8,
    overflow: 'hidden',
    width: '100%',
    maxWidth: `calc(78vh * ${(projection.width / projection.height).toFixed(3)})`,
    aspectRatio: `${projection.width} / ${projection.height}`,
    margin: '0 auto',
  };
}

/** The hatching of remote-area communes (thinner as the map zooms in). */
function RemoteHatch({ zoom }: { zoom: number }) {
  return (
    <defs>
      <pattern
        id="remote-hatch"
        patternUnits="userSpaceOnUse"
        width="6"
        height="6"
        patternTransform={`rotate(45) scale(${1 / zoom})`}
      >
        <rect width="6" height="6" fill="#ffe7ba" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#fa8c16" strokeWidth="2" />
      </pattern>
    </defs>
  );
}

function CommunePaths({
  boundaries,
  projection,
  communes,
  selected,
  onHover,
  onSelect,
}: {
  boundaries: BoundaryCollection;
  projection: Projection;
  communes: Map<string, AdministrativeUnitView>;
  selected?: string | null;
  onHover: (code: string, e: PointerEvent) => void;
  onSelect: (code: string) => void;
}) {
  const paths = useMemo(
    () => boundaries.features.map((f) => ({ code: f.properties.code, d: featurePath(f, projection) })),
    [boundaries, projection],
  );
  return (
    <g>
      {paths.map(({ code, d }) => {
        const u = communes.get(code);
        return (
          <path
            key={code}
            d={d}
            fillRule="evenodd"
            className={`commune${selected === code ? ' selected' : ''}`}
            fill={u?.remoteArea ? 'url(#remote-hatch)' : selected === code ? '#bae0ff' : '#f7fbff'}
            data-code={code}
            data-remote={u?.remoteArea ? 'true' : 'false'}
            onPointerMove={(e) => onHover(code, e)}
            onClick={() => onSelect(code)}
          />
        );
      })}
    </g>
  );
}

function OfficeDots({
  offices,
  projection,
  zoom,
  onHover,
  onSelect,
}: {
  offices: PostOfficeView[];
  projection: Projection;
  zoom: number;
  onHover: (id: string, e: PointerEvent) => void;
  onSelect: (communeCode: string) => void;
}) {
  const r = (OFFICE_RADIUS_PX * projection.width) / 900 / zoom;
  return (
    <g>
      {offices.map((o) => {
        const [x, y] = projection.project(o.lng, o.lat);
        return (
          <circle
            key={o.id}
            cx={x}
            cy={y}
            r={r}
            className={`office${o.active ? '' : ' inactive'}`}
            data-office={o.code}
            onClick={() => onSelect(o.communeCode)}
            onPointerMove={(e) => {
              e.stopPropagation();
              onHover(o.id, e);
            }}
          />
        );
      })}
    </g>
  );
}

/** What is under the pointer: an office (name, code, address) or a commune (name, remote flag, how many offices). */
function MapTooltip({
  hover,
  communes,
  offices,
  width,
}: {
  hover: Hover;
  communes: Map<string, AdministrativeUnitView>;
  offices: PostOfficeView[];
  width: number;
}) {
  const officeById = useMemo(() => new Map(offices.map((o) => [o.id, o])), [offices]);
  const officesByCommune = useMemo(() => {
    const m = new Map<string, number>();
    for (const o of offices) m.set(o.communeCode, (m.get(o.communeCode) ?? 0) + 1);
    return m;
  }, [offices]);
  const hovered = hover.kind === 'commune' ? communes.get(hover.code) : undefined;
  const hoveredOffice = hover.kind === 'office' ? officeById.get(hover.id) : undefined;
  if (!hovered && !hoveredOffice) return null;
  return (
    <div
      role="tooltip"
      style={{
        position: 'absolute',
        left: Math.min(hover.x + 14, width - 260),
        top: hover.y + 14,
        maxWidth: 260,
        pointerEvents: 'none',
        background: 'rgba(0,0,0,.82)',
        color: '#fff',
        padding: '6px 10px',
        borderRadius: 6,
        fontSize: 13,
        lineHeight: 1.4,
      }}
    >
      {hoveredOffice ? (
        <OfficeTip office={hoveredOffice} />
      ) : hovered ? (
        <CommuneTip unit={hovered} officeCount={officesByCommune.get(hovered.code) ?? 0} />
      ) : null}
    </div>
  );
}

function ZoomControls({ zoomAt, reset }: { zoomAt: (factor: number) => void; reset: () => void }) {
  const t = useT();
  return (
    <Space.Compact orientation="vertical" style={{ position: 'absolute', right: 12, top: 12 }}>
      <Tooltip title={t('map.zoomIn')} placement="left">
        <Button icon={<PlusOutlined />} onClick={() => zoomAt(1.5)} aria-label={t('map.zoomIn')} />
      </Tooltip>
      <Tooltip title={t('map.zoomOut')} placement="left">
        <Button icon={<MinusOutlined />} onClick={() => zoomAt(1 / 1.5)} aria-label={t('map.zoomOut')} />
      </Tooltip>
      <Tooltip title={t('map.reset')} placement="left">
        <Button icon={<AimOutlined />} onClick={reset} aria-label={t('map.reset')} />
      </Tooltip>
    </Space.Compact>
  );
}

function OfficeTip({ office }: { office: PostOfficeView }) {
  const t = useT();
  return (
    <>
      <strong>{office.name}</strong>
      <br />
      {t('postOffice.code')}: {office.code}
      {!office.active && ` · ${t('postOffice.isInactive')}`}
      <br />
      <span style={{ opacity: 0.8 }}>{office.address}</span>
    </>
  );
}

function CommuneTip({ unit, officeCount }: { unit: AdministrativeUnitView; officeCount: number }) {
  const t = useT();
  return (
    <>
      <strong>{unit.name}</strong> ({unit.code})
      <br />
      {unit.remoteArea && (
        <>
          {t('commune.remoteShort')}
          <br />
        </>
      )}
      {t('map.officeCount', { n: officeCount })}
    </>
  );
}
