import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { Projection } from './geo';

export interface View {
  x: number;
  y: number;
  k: number;
}

/** Where a drag started; `moved` once it went further than a click's jitter (then it is a pan, not a click). */
export type DragRef = RefObject<{ px: number; py: number; x: number; y: number; moved: boolean } | null>;

const MIN_ZOOM = 1;
const MAX_ZOOM = 12;

/**
 * The map's pan and zoom: buttons zoom about the centre, the wheel about the pointer (a native non-passive listener, so
 * the page does not scroll), a drag pans once zoomed in.
 */
export function useMapView(projection: Projection) {
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const svgRef = useRef<SVGSVGElement>(null);
  const drag: DragRef = useRef(null);

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

  const pointer = {
    onPointerDown: (e: PointerEvent) => {
      drag.current = { px: e.clientX, py: e.clientY, x: view.x, y: view.y, moved: false };
    },
    onPointerMove: (e: PointerEvent) => {
      const d = drag.current;
      if (!d || view.k === 1) return;
      const u = unitsPerPixel();
      const dx = (e.clientX - d.px) * u;
      const dy = (e.clientY - d.py) * u;
      if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true;
      if (d.moved) setView((v) => ({ ...v, x: d.x + dx, y: d.y + dy }));
    },
    onPointerUp: () => {
      // A drag that moved is a pan, not a click on a commune.
      setTimeout(() => (drag.current = null), 0);
    },
  };

  return { view, reset: () => setView({ x: 0, y: 0, k: 1 }), svgRef, drag, zoomAt, pointer };
}
