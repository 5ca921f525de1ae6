/** The part of GeoJSON that GET /api/geo/boundaries returns: one MultiPolygon per commune, `properties.code`. */
export type Position = [number, number];
export interface CommuneFeature {
  type: 'Feature';
  id?: string;
  properties: { code: string };
  geometry: { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: 'Polygon'; coordinates: Position[][] };
}
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: CommuneFeature[];
}

export interface Projection {
  width: number;
  height: number;
  /** [lng, lat] → SVG user units (x to the east, y to the south). */
  project: (lng: number, lat: number) => [number, number];
}

const WIDTH = 1000;

/**
 * Equirectangular projection scaled by cos(mid-latitude): at 12.6–14.7°N over ~200 km the distortion is far below
 * what a screen shows, and no map library or tile server is needed.
 */
export function fitProjection(collection: BoundaryCollection): Projection {
  let minLng = Infinity;
  let maxLng = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const ring of rings(collection)) {
    for (const [lng, lat] of ring) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLng - minLng) * kx);
  return {
    width: WIDTH,
    height: Math.ceil((maxLat - minLat) * scale),
    project: (lng, lat) => [(lng - minLng) * kx * scale, (maxLat - lat) * scale],
  };
}

function* rings(collection: BoundaryCollection): Generator<Position[]> {
  for (const f of collection.features) yield* featureRings(f);
}

function* featureRings(f: CommuneFeature): Generator<Position[]> {
  if (f.geometry.type === 'Polygon') yield* f.geometry.coordinates;
  else for (const polygon of f.geometry.coordinates) yield* polygon;
}

/** SVG path data of a commune (holes included; the even-odd rule draws them). */
export function featurePath(f: CommuneFeature, p: Projection): string {
  const parts: string[] = [];
  for (const ring of featureRings(f)) {
    parts.push(
      ring
        .map(([lng, lat], i) => {
          const [x, y] = p.project(lng, lat);
          return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
        })
        .join('') + 'Z',
    );
  }
  return parts.join('');
}
