import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AimOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { AdministrativeUnitView, PostOfficeView } from '@hotline/contracts';
import { useT } from '../../../i18n/i18n';
import { type BoundaryCollection, featurePath, fitProjection, type Projection } from './geo';

/**
 * A layer drawn above the communes and offices, in map coordinates. Later issues add live legs this way
 * (e.g. a line per leg from the office to the citizen's address), without touching the base map.
 */
export type MapLayer = (ctx: { projection: Projection; zoom: number }) => ReactNode;

interface View {
  x: number;
  y: number;
  k: number;
}

type Hover =
  { kind: 'commune'; code: string; x: number; y: number } | { kind: 'office'; id: string; x: number; y: number };

const MIN_ZOOM = 1;
const MAX_ZOOM = 12;
const OFFICE_RADIUS_PX = 4;

export function GiaLaiMap({
  boundaries,
  communes,
  offices,
  selected,
  onSelect,
  layers = [],
}: {
  boundaries: BoundaryCollection;
  communes: Map<string, AdministrativeUnitView>;
  offices: PostOfficeView[];
  selected?: string | null;
  onSelect?: (code: string | null) => void;
  layers?: MapLayer[];
}) {
  const t = useT();
  const projection = useMemo(() => fitProjection(boundaries), [boundaries]);
  const paths = useMemo(
    () => boundaries.features.map((f) => ({ code: f.properties.code, d: featurePath(f, projection) })),
    [boundaries, projection],
  );
  const officesByCommune = useMemo(() => {
    const m = new Map<string, number>();
    for (const o of offices) m.set(o.communeCode, (m.get(o.communeCode) ?? 0) + 1);
    return m;
  }, [offices]);
  const officeById = useMemo(() => new Map(offices.map((o) => [o.id, o])), [offices]);
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const [hover, setHover] = useState<Hover | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ px: number; py: number; x: number; y: number; moved: boolean } | null>(null);

  /** SVG user units per screen pixel (the viewBox scales with the element). */
  const unitsPerPixel = () => {
    const ctm = svgRef.current?.getScreenCTM();
    return ctm && ctm.a ? 1 / ctm.a : 1;
  };

  const zoomAt = (factor: number, cx = projection.width / 2, cy = projection.height / 2) => {
    setView((v) => {
      const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
      const f = k / v.k;
      return k === MIN_ZOOM ? { x: 0, y: 0, k } : { k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f };
    });
  };

  const svgPoint = (clientX: number, clientY: number): [number, number] => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return [projection.width / 2, projection.height / 2];
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return [p.x, p.y];
  };

  // React's wheel listener is passive (it cannot stop the page from scrolling), so the map listens natively.
  const zoomRef = useRef({ zoomAt, svgPoint });
  zoomRef.current = { zoomAt, svgPoint };
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const [cx, cy] = zoomRef.current.svgPoint(e.clientX, e.clientY);
      zoomRef.current.zoomAt(e.deltaY < 0 ? 1.25 : 0.8, cx, cy);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const tooltipPos = (clientX: number, clientY: number) => {
    const r = wrapRef.current!.getBoundingClientRect();
    return { x: clientX - r.left, y: clientY - r.top };
  };

  const hovered = hover?.kind === 'commune' ? communes.get(hover.code) : undefined;
  const hoveredOffice = hover?.kind === 'office' ? officeById.get(hover.id) : undefined;
  const r = (OFFICE_RADIUS_PX * projection.width) / 900 / view.k;

  return (
    <div
      ref={wrapRef}
      className="hotline-map"
      style={{
        position: 'relative',
        background: '#eaf2fb',
        borderRadius: 8,
        overflow: 'hidden',
        width: '100%',
        maxWidth: `calc(78vh * ${(projection.width / projection.height).toFixed(3)})`,
        aspectRatio: `${projection.width} / ${projection.height}`,
        margin: '0 auto',
      }}
      data-testid="gia-lai-map"
    >
      <svg
        ref={svgRef}
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="img"
        aria-label={t('map.aria')}
        onPointerDown={(e) => {
          drag.current = { px: e.clientX, py: e.clientY, x: view.x, y: view.y, moved: false };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d || view.k === 1) return;
          const u = unitsPerPixel();
          const dx = (e.clientX - d.px) * u;
          const dy = (e.clientY - d.py) * u;
          if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true;
          if (d.moved) setView((v) => ({ ...v, x: d.x + dx, y: d.y + dy }));
        }}
        onPointerUp={() => {
          // A drag that moved is a pan, not a click on a commune.
          setTimeout(() => (drag.current = null), 0);
        }}
        onPointerLeave={() => {
          drag.current = null;
          setHover(null);
        }}
      >
        <defs>
          <pattern
            id="remote-hatch"
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform={`rotate(45) scale(${1 / view.k})`}
          >
            <rect width="6" height="6" fill="#ffe7ba" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fa8c16" strokeWidth="2" />
          </pattern>
        </defs>
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
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
                  onPointerMove={(e) => setHover({ kind: 'commune', code, ...tooltipPos(e.clientX, e.clientY) })}
                  onClick={() => {
                    if (!drag.current?.moved) onSelect?.(selected === code ? null : code);
                  }}
                />
              );
            })}
          </g>
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
                  onClick={() => {
                    if (!drag.current?.moved) onSelect?.(o.communeCode);
                  }}
                  onPointerMove={(e) => {
                    e.stopPropagation();
                    setHover({ kind: 'office', id: o.id, ...tooltipPos(e.clientX, e.clientY) });
                  }}
                />
              );
            })}
          </g>
          {layers.map((layer, i) => (
            <g key={i}>{layer({ projection, zoom: view.k })}</g>
          ))}
        </g>
      </svg>
      {hover && (hovered || hoveredOffice) && (
        <div
          role="tooltip"
          style={{
            position: 'absolute',
            left: Math.min(hover.x + 14, (wrapRef.current?.clientWidth ?? 0) - 260),
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
            <>
              <strong>{hoveredOffice.name}</strong>
              <br />
              {t('postOffice.code')}: {hoveredOffice.code}
              {!hoveredOffice.active && ` · ${t('postOffice.isInactive')}`}
              <br />
              <span style={{ opacity: 0.8 }}>{hoveredOffice.address}</span>
            </>
          ) : hovered ? (
            <>
              <strong>{hovered.name}</strong> ({hovered.code})
              <br />
              {hovered.remoteArea && (
                <>
                  {t('commune.remoteShort')}
                  <br />
                </>
              )}
              {t('map.officeCount', { n: officesByCommune.get(hovered.code) ?? 0 })}
            </>
          ) : null}
        </div>
      )}
      <Space.Compact orientation="vertical" style={{ position: 'absolute', right: 12, top: 12 }}>
        <Tooltip title={t('map.zoomIn')} placement="left">
          <Button icon={<PlusOutlined />} onClick={() => zoomAt(1.5)} aria-label={t('map.zoomIn')} />
        </Tooltip>
        <Tooltip title={t('map.zoomOut')} placement="left">
          <Button icon={<MinusOutlined />} onClick={() => zoomAt(1 / 1.5)} aria-label={t('map.zoomOut')} />
        </Tooltip>
        <Tooltip title={t('map.reset')} placement="left">
          <Button icon={<AimOutlined />} onClick={() => setView({ x: 0, y: 0, k: 1 })} aria-label={t('map.reset')} />
        </Tooltip>
      </Space.Compact>
    </div>
  );
}
