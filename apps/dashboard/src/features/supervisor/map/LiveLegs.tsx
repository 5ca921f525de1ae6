import { useEffect, useMemo, useRef, useState } from 'react';
import { type AdministrativeUnitView, LEG_MACHINE, type LegEvent, type LegView } from '@hotline/contracts';
import { useRealtimeEvent } from '../../../realtime/RealtimeProvider';
import { applyLegState, fetchLeg, LEG_STATE_HEX, legPoint, useActiveLegs } from '../live/supervision-data';
import type { MapLayer } from './GiaLaiMap';

const LEG_RADIUS_PX = 5;

/**
 * Legs still moving, for the map: the REST lists patched by dispatch events. An event carries the new state and office
 * but no address, so a leg the screen does not know yet is fetched once by id.
 */
export function useLiveLegs(enabled: boolean): { legs: LegView[]; error: unknown; changedAt: Record<string, number> } {
  const rest = useActiveLegs(enabled);
  const [patches, setPatches] = useState<Map<string, LegView | null>>(new Map());
  const [changedAt, setChangedAt] = useState<Record<string, number>>({});
  const fetching = useRef(new Set<string>());
  const restRef = useRef(rest.data);
  restRef.current = rest.data;

  // A fresh REST answer supersedes the patches made before it.
  useEffect(() => setPatches(new Map()), [rest.data]);

  const onEvent = (p: LegEvent) => {
    if (!enabled) return;
    setChangedAt((m) => ({ ...m, [p.legId]: Date.now() }));
    const active = LEG_MACHINE.is('active', p.to);
    setPatches((prev) => {
      const next = new Map(prev);
      const base = prev.get(p.legId) ?? restRef.current?.find((l) => l.id === p.legId);
      if (!active) next.set(p.legId, null);
      else if (base) next.set(p.legId, applyLegState([base], p.legId, p.to, p.officeId)[0]);
      return next;
    });
    const knownNow = restRef.current?.some((l) => l.id === p.legId);
    if (active && !knownNow && !fetching.current.has(p.legId)) {
      fetching.current.add(p.legId);
      fetchLeg(p.legId)
        .then(
          (leg) => setPatches((prev) => new Map(prev).set(leg.id, LEG_MACHINE.is('active', leg.state) ? leg : null)),
          () => undefined, // gone or not visible: the next REST refresh decides
        )
        .finally(() => fetching.current.delete(p.legId));
    }
  };
  useRealtimeEvent('dispatch:leg-assigned', onEvent);
  useRealtimeEvent('dispatch:leg-updated', onEvent);
  useRealtimeEvent('dispatch:escalated', onEvent);
  useRealtimeEvent('dispatch:leg-overdue', onEvent);

  const legs = useMemo(() => {
    const byId = new Map((rest.data ?? []).map((l) => [l.id, l]));
    for (const [id, leg] of patches) {
      if (leg) byId.set(id, leg);
      else byId.delete(id);
    }
    return [...byId.values()];
  }, [rest.data, patches]);
  return { legs, error: rest.error, changedAt };
}

/** Legs as dots at their address (or commune centroid, drawn hollow), coloured by state; a click selects the leg. */
export function legsLayer(
  legs: LegView[],
  communes: Map<string, AdministrativeUnitView>,
  selectedId: string | null,
  onSelect: (id: string) => void,
): MapLayer {
  return ({ projection, zoom }) => {
    const r = (LEG_RADIUS_PX * projection.width) / 900 / zoom;
    return legs.map((leg) => {
      const p = legPoint(leg, communes);
      if (!p) return null;
      const [x, y] = projection.project(p.lng, p.lat);
      const color = LEG_STATE_HEX[leg.state];
      const selected = leg.id === selectedId;
      return (
        <circle
          key={leg.id}
          cx={x}
          cy={y}
          r={selected ? r * 1.6 : r}
          fill={p.approximate ? '#fff' : color}
          stroke={p.approximate ? color : selected ? '#000' : '#fff'}
          strokeWidth={(p.approximate ? 2.5 : selected ? 2 : 1) * (r / LEG_RADIUS_PX)}
          style={{ cursor: 'pointer' }}
          data-testid="map-leg"
          data-leg-id={leg.id}
          data-state={leg.state}
          data-approximate={p.approximate ? 'true' : 'false'}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={(e) => {
            e.stopPropagation();
            onSelect(leg.id);
          }}
        >
          <title>{leg.requestCode}</title>
        </circle>
      );
    });
  };
}
